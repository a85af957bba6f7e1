// The plenary in mesh mode, with no media server: the stage (the lead, organisers, experts in the call) is a small
// mesh; everyone else receives the stage's picture and sound from one person (their parent) and passes it on to a
// few others (their children), as the hub assigns them (RelayTree on the server, pushed as "relay" signals).
// Streams keep their ids from hop to hop. Which stream is whose comes only from the hub: each position lists the
// stage members with the id of the stream each sends, and this screen shows and passes on only those streams, so a
// relaying member cannot caption its own picture as the lead's. Viewers send nothing: no camera or microphone is
// asked for in the plenary unless one is on stage. A parent that stops passing the stage on is reported to the hub,
// which gives this screen another parent.
import { Peer, tracksOf, rtcConfig } from './mesh.js';

/** A parent silent this long (or not connected this long) is reported; the hub acts on a second report. */
const STALL_MS = 4_000;

export class StageCall {
  /**
   * position: { parent, children, stage: [{ id, name, streamId?, audio?, video? }], onStage }; stream: own camera,
   * only when on stage.
   */
  constructor({ me, iceServers, iceTransportPolicy, stream, signal, onChange }) {
    this.me = me;
    this.config = rtcConfig(iceServers, iceTransportPolicy);
    this.stream = stream;
    this.signal = signal;
    this.onChange = onChange;
    this.links = new Map(); // peer id → Peer
    this.received = new Map(); // "stream id/kind" → { track, stream, from }
    this.screens = new Map(); // stream id → MediaStream shown on this screen
    this.position = { children: [], stage: [] };
    this.health = { parent: null, bytes: -1, since: Date.now(), reported: 0 };
    this.closed = false;
    this.watchdog = setInterval(() => this.checkUpstream(), 1_000);
  }

  get onStage() {
    return Boolean(this.position.onStage);
  }

  /** The stage member the hub says sends this stream, or undefined: unnamed streams are neither shown nor passed on. */
  speakerOf(streamId) {
    return this.position.stage.find((s) => s.streamId && s.streamId === streamId);
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
    // Streams the hub has just named (a speaker who joined) are passed on now.
    for (const child of this.position.children) for (const { track, stream } of this.forwarded()) this.links.get(child)?.send(track, stream);
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
    const named = [...this.received.values()].filter((r) => this.speakerOf(r.stream.id));
    return [...tracksOf(this.onStage ? this.stream : null), ...named];
  }

  /** A track from the parent (viewers) or from another speaker (stage): kept; shown and passed on once the hub names it. */
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
    if (!this.speakerOf(stream.id)) return;
    for (const child of this.position.children) this.links.get(child)?.send(track, stream);
  }

  /**
   * Once a second: is the parent passing the stage on? Bytes received from it must grow while the stage sends
   * something, and the link must connect. If not for STALL_MS, tell the hub (every STALL_MS while it lasts: the hub
   * moves people only on a confirmed report, and not if the parent is itself starved by its own parent).
   */
  async checkUpstream() {
    const parent = this.position.parent;
    const link = parent && this.links.get(parent);
    const now = Date.now();
    const expecting = this.position.stage.some((s) => s.streamId);
    if (this.closed || this.onStage || !link || !expecting) {
      this.health = { parent, bytes: -1, since: now, reported: this.health.reported };
      return;
    }
    let bytes = -1;
    if (link.state === 'connected') {
      try {
        bytes = 0;
        (await link.pc.getStats()).forEach((r) => { if (r.type === 'inbound-rtp') bytes += r.bytesReceived || 0; });
      } catch (e) { return; } // closed meanwhile
    }
    if (this.position.parent !== parent) return; // moved while asking
    if (parent !== this.health.parent || bytes > this.health.bytes) {
      this.health = { parent, bytes, since: now, reported: this.health.reported };
      return;
    }
    if (now - this.health.since >= STALL_MS && now - this.health.reported >= STALL_MS) {
      this.health.reported = now;
      this.signal(parent, 'stalled', {});
    }
  }

  /** The hub refused a signal to this person: the link is stale (the tree changed meanwhile). */
  drop(id) {
    if (!this.wanted().has(id)) this.unlink(id); // a newer position may still want it: its next offer will go through
  }

  unlink(id) {
    this.links.get(id)?.close();
    if (this.links.delete(id)) this.onChange();
  }

  forgetFrom(peerId) {
    for (const [key, r] of [...this.received]) if (r.from === peerId) this.received.delete(key);
  }

  receive(message) {
    if (this.closed || !this.wanted().has(message.from)) return; // a late signal from someone no longer linked
    if (message.kind === 'bye') {
      this.unlink(message.from);
    } else if (['offer', 'answer', 'candidate'].includes(message.kind)) {
      (this.links.get(message.from) || this.link(message.from)).enqueue(message);
    }
  }

  /**
   * The speakers this screen shows: own camera first when on stage, then each stream the hub named, with its name
   * and whether the speaker's microphone and camera are on (also from the hub: `audio: false`, `video: false`).
   */
  speakers() {
    const out = [];
    const self = this.position.stage.find((s) => s.id === this.me);
    if (this.onStage && this.stream) out.push({ id: this.me, stream: this.stream, name: self?.name, self: true });
    for (const [streamId, stream] of this.screens) {
      const speaker = this.speakerOf(streamId);
      if (!speaker || speaker.id === this.me) continue; // not named by the hub: not shown, not captioned
      // A speaker who left: their tracks ended and no new parent sends them again.
      if (stream.getTracks().every((t) => t.readyState === 'ended')) continue;
      out.push({ id: speaker.id, stream, name: speaker.name, audio: speaker.audio !== false, video: speaker.video !== false });
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
    clearInterval(this.watchdog);
    for (const [id, peer] of this.links) {
      this.signal(id, 'bye', {});
      peer.close();
    }
    this.links.clear();
    this.onChange();
  }
}
