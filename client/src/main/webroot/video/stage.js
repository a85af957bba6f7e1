// The plenary in mesh mode, with no media server: the stage (the lead, organisers, experts in the call) is a small
// mesh; everyone else receives the stage's picture and sound from one person (their parent) and passes it on to a
// few others (their children), as the hub assigns them (RelayTree on the server, pushed as "relay" signals).
// Streams keep their ids from hop to hop, and every offer carries which stream is whose, so each screen can name
// the speaker. Viewers send nothing: no camera or microphone is asked for in the plenary unless one is on stage.
import { Peer, tracksOf } from './mesh.js';

export class StageCall {
  /** position: { parent, children, stage: [{ id, name }], onStage }; stream: own camera, only when on stage. */
  constructor({ me, iceServers, stream, signal, onChange }) {
    this.me = me;
    this.config = { iceServers: (iceServers || []).map((url) => ({ urls: url })) };
    this.stream = stream;
    this.signal = signal;
    this.onChange = onChange;
    this.links = new Map(); // person id → Peer
    this.received = new Map(); // "stream id/kind" → { track, stream }
    this.screens = new Map(); // stream id → MediaStream shown on this screen
    this.labels = {}; // stream id → person id
    if (stream) this.labels[stream.id] = me;
    this.position = { children: [], stage: [] };
    this.closed = false;
  }

  get onStage() {
    return Boolean(this.position.onStage);
  }

  /** A new position from the hub: drop links that are no longer ours, open the new ones. */
  update(position) {
    if (this.closed || (position.version ?? 0) < (this.position.version ?? -1)) return;
    const parentBefore = this.position.parent;
    this.position = { ...position, children: position.children || [], stage: position.stage || [] };
    const wanted = this.wanted();
    for (const id of [...this.links.keys()]) if (!wanted.has(id)) this.unlink(id);
    if (parentBefore && parentBefore !== this.position.parent) this.forgetFrom(parentBefore);
    for (const id of wanted) if (!this.links.has(id)) this.link(id);
    this.onChange();
  }

  wanted() {
    const ids = new Set(this.position.children);
    if (this.position.parent) ids.add(this.position.parent);
    if (this.onStage) this.position.stage.forEach((s) => s.id !== this.me && ids.add(s.id));
    return ids;
  }

  isStagePeer(id) {
    return this.onStage && this.position.stage.some((s) => s.id === id);
  }

  /** What a link sends: to the rest of the stage, one's own camera; to one's children, everything one shows. */
  link(id) {
    const sends = this.isStagePeer(id) ? tracksOf(this.stream) : this.position.children.includes(id) ? this.forwarded() : [];
    const peer = new Peer(this, id, sends);
    this.links.set(id, peer);
    return peer;
  }

  forwarded() {
    return [...tracksOf(this.onStage ? this.stream : null), ...this.received.values()];
  }

  offerData() {
    return { labels: this.labels };
  }

  onOfferData(peer, data) {
    if (data?.labels && typeof data.labels === 'object') Object.assign(this.labels, data.labels);
  }

  /** A track from the parent (viewers) or from another speaker (stage): show it, and pass it on to the children. */
  onTrack(peer, track, stream) {
    if (!stream || (peer.id !== this.position.parent && !this.isStagePeer(peer.id))) return;
    this.received.set(`${stream.id}/${track.kind}`, { track, stream, from: peer.id });
    let screen = this.screens.get(stream.id);
    if (!screen) {
      screen = new MediaStream();
      this.screens.set(stream.id, screen);
    }
    screen.getTracks().filter((t) => t.kind === track.kind).forEach((t) => screen.removeTrack(t));
    screen.addTrack(track);
    for (const child of this.position.children) this.links.get(child)?.send(track, stream);
  }

  /** The hub refused a signal to this person: the link is stale (the tree changed meanwhile). */
  drop(id) {
    if (!this.wanted().has(id)) this.unlink(id); // a newer position may still want it: its next offer will go through
  }

  unlink(id) {
    this.links.get(id)?.close();
    if (this.links.delete(id)) this.onChange();
  }

  forgetFrom(personId) {
    for (const [key, r] of [...this.received]) if (r.from === personId) this.received.delete(key);
  }

  receive(message) {
    if (this.closed || !this.wanted().has(message.from)) return; // a late signal from someone no longer linked
    if (message.kind === 'bye') {
      this.unlink(message.from);
    } else if (['offer', 'answer', 'candidate'].includes(message.kind)) {
      (this.links.get(message.from) || this.link(message.from)).enqueue(message);
    }
  }

  /** The speakers this screen shows: own camera first when on stage, then each stream received, with its name. */
  speakers() {
    const name = (personId) => this.position.stage.find((s) => s.id === personId)?.name;
    const out = [];
    if (this.onStage && this.stream) out.push({ id: this.me, stream: this.stream, name: name(this.me), self: true });
    for (const [streamId, stream] of this.screens) {
      // A speaker who left: their tracks ended and no new parent sends them again.
      if (stream.getTracks().every((t) => t.readyState === 'ended')) continue;
      const personId = this.labels[streamId];
      if (personId === this.me) continue;
      out.push({ id: personId || streamId, stream, name: name(personId) });
    }
    return out;
  }

  /** Connection state to the parent (viewers), for "connecting…". */
  get upstreamState() {
    const parent = this.position.parent && this.links.get(this.position.parent);
    return parent ? parent.state : this.onStage ? 'connected' : 'waiting';
  }

  close() {
    this.closed = true;
    for (const [id, peer] of this.links) {
      this.signal(id, 'bye', {});
      peer.close();
    }
    this.links.clear();
    this.onChange();
  }
}
