// The built-in mesh: one RTCPeerConnection per other person in the room, signalled through the hub (which relays
// only inside the room). "Perfect negotiation": both sides may offer; the polite one yields on a collision.
// Signals of one peer are handled strictly one at a time. Once connected, each connection also carries a small data
// channel on which each side says whether its own microphone and camera are on (a disabled track still sends
// silence and black frames, so the others could not tell otherwise) and, in audio-only mode, that it wants no picture:
// the others then stop sending theirs to it (the track is taken off the sender, no renegotiation).

export class MeshCall {
  /**
   * me: this person's peer id in the room (from the hub); signal(to, kind, data) sends through the hub; onChange()
   * redraws; media: { audio, video }, whether one's own microphone and camera are on (setMedia when they change);
   * receiveVideo false: audio-only, the others are asked not to send their picture.
   */
  constructor({ me, room, iceServers, iceTransportPolicy, stream, signal, onChange, media, receiveVideo = true }) {
    this.me = me;
    this.room = room;
    this.config = rtcConfig(iceServers, iceTransportPolicy);
    this.stream = stream;
    this.signal = signal;
    this.onChange = onChange;
    this.media = media || { audio: true, video: true };
    this.receiveVideo = receiveVideo;
    this.mediaChannel = true; // each Peer carries the state channel
    this.peers = new Map();
    this.retries = new Map(); // restarts of stuck connections, per person
    this.closed = false;
  }

  /** The newcomer calls everyone already in the room. */
  start(peerIds) {
    for (const id of peerIds) {
      // When a group opens everyone joins at once and each would call the others: two offers cross, and Chrome can
      // lose the candidates of the one that yields. So the smaller id calls first; the other calls only if no call
      // came within 1.5 s (the peer had joined earlier and will not call).
      if (this.me < id) this.call(id);
      else setTimeout(() => { if (!this.closed && !this.peers.has(id)) this.call(id); }, 1_500);
    }
    this.watchdog = setInterval(() => this.unstick(), 4_000);
  }

  /**
   * Calls someone. With nothing to send (no camera or microphone), the offer still asks to receive sound and picture:
   * without it there would be no offer at all, and the others would never know this person is there.
   */
  call(id) {
    const p = this.peer(id);
    if (!this.stream && p.pc.getTransceivers().length === 0) {
      p.pc.addTransceiver('audio', { direction: 'recvonly' });
      p.pc.addTransceiver('video', { direction: 'recvonly' });
    }
    return p;
  }

  /**
   * A connection that has not even begun to connect after 10 s lost its offer or answer on the way (both sides
   * calling while one was still joining, say): start it again. Someone who is not in the room any more is dropped
   * when the hub refuses the new offer.
   */
  unstick() {
    const now = Date.now();
    for (const [id, p] of [...this.peers]) {
      const tries = this.retries.get(id) || 0;
      // Three tries: a person connected without a call (a second device, a screen with video off) never answers.
      if (p.pc.connectionState === 'new' && now - p.since > 10_000 && tries < 3) {
        this.retries.set(id, tries + 1);
        this.drop(id);
        this.call(id);
      }
    }
  }

  peer(id) {
    let p = this.peers.get(id);
    if (p && !['failed', 'closed'].includes(p.pc.connectionState)) return p;
    if (p) p.close();
    p = new Peer(this, id, tracksOf(this.stream));
    this.peers.set(id, p);
    this.onChange();
    return p;
  }

  receive(message) {
    if (this.closed) return;
    if (message.kind === 'bye') {
      this.drop(message.from);
    } else if (['offer', 'answer', 'candidate'].includes(message.kind)) {
      this.peer(message.from).enqueue(message);
    }
  }

  /** One's own microphone or camera was turned on or off: every peer is told. */
  setMedia(media) {
    this.media = { audio: Boolean(media.audio), video: Boolean(media.video) };
    for (const p of this.peers.values()) p.sendMedia(this.media);
  }

  /** The person left (a goodbye, or the hub says they are not in the room any more): drop the connection. */
  drop(id) {
    this.peers.get(id)?.close();
    if (this.peers.delete(id)) this.onChange();
  }

  /** Received audio level of each connected peer (getStats): who is speaking, where Web Audio cannot run yet. */
  async levels() {
    const out = new Map();
    for (const [id, p] of [...this.peers]) {
      if (p.pc.connectionState !== 'connected') continue;
      let level = 0;
      try {
        (await p.pc.getStats()).forEach((r) => {
          if (r.type === 'inbound-rtp' && r.kind === 'audio' && typeof r.audioLevel === 'number') level = Math.max(level, r.audioLevel);
        });
      } catch (e) { /* closed meanwhile */ }
      out.set(id, level);
    }
    return out;
  }

  close() {
    this.closed = true;
    clearInterval(this.watchdog);
    for (const [id, p] of this.peers) {
      this.signal(id, 'bye', {});
      p.close();
    }
    this.peers.clear();
    this.onChange();
  }
}

/**
 * The RTCPeerConnection settings from the hub's video-join answer: its STUN/TURN servers (TURN with this person's
 * credentials), and 'relay' when the deployment wants calls to go through TURN only, so that peers never learn each
 * other's IP addresses.
 */
export function rtcConfig(iceServers, iceTransportPolicy) {
  return {
    iceServers: (iceServers || []).map((s) => (typeof s === 'string' ? { urls: s } : s)),
    iceTransportPolicy: iceTransportPolicy === 'relay' ? 'relay' : 'all',
  };
}

/**
 * A peer's word on its microphone and camera (two booleans) and, when it is audio-only, that it wants no picture
 * (noVideo): nothing else taken (a peer may send anything).
 */
export function parseMedia(data) {
  if (typeof data !== 'string' || data.length > 200) return null;
  try {
    const m = JSON.parse(data);
    if (typeof m?.audio !== 'boolean' || typeof m?.video !== 'boolean') return null;
    return { audio: m.audio, video: m.video, ...(m.noVideo === true ? { noVideo: true } : {}) };
  } catch (e) {
    return null;
  }
}

/** A stream's tracks, as Peer wants them to send. */
export function tracksOf(stream) {
  return (stream?.getTracks() || []).map((track) => ({ track, stream }));
}

/**
 * One RTCPeerConnection to one person. `call` gives signal(to, kind, data) and onChange(), and optionally
 * offerData() (more fields for each offer), onOfferData(peer, data) and onTrack(peer, track, stream); with
 * mediaChannel set, media ({ audio, video }, one's own state) is sent to the other side on a data channel opened
 * once connected.
 */
export class Peer {
  constructor(call, id, sends = []) {
    this.call = call;
    this.id = id;
    this.polite = call.me > id;
    this.makingOffer = false;
    this.ignoreOffer = false;
    this.queue = Promise.resolve();
    this.remote = new MediaStream();
    this.pc = new RTCPeerConnection(call.config);
    this.pc.onnegotiationneeded = async () => {
      try {
        this.makingOffer = true;
        await this.pc.setLocalDescription();
        this.call.signal(id, 'offer', { ...(this.call.offerData?.() || {}), description: this.pc.localDescription.toJSON() });
      } catch (e) {
        console.warn('negotiation', e);
      } finally {
        this.makingOffer = false;
      }
    };
    this.pc.onicecandidate = ({ candidate }) => {
      if (candidate) this.call.signal(id, 'candidate', { candidate: candidate.toJSON() });
    };
    this.pc.ontrack = ({ track, streams }) => {
      this.remote.addTrack(track);
      this.call.onTrack?.(this, track, streams[0]);
      this.call.onChange();
    };
    this.restarts = 0;
    this.since = Date.now();
    this.pc.onconnectionstatechange = () => {
      // A connection that fails (a network hiccup, a busy machine) tries again with an ICE restart; someone who left
      // without a goodbye is dropped when the hub refuses the restart's offer (not-in-your-room), or after 3 tries.
      const peers = this.call.peers || this.call.links;
      if (this.pc.connectionState === 'failed' && peers.get(this.id) === this) {
        if (this.restarts++ < 3) {
          this.pc.restartIce();
        } else {
          peers.delete(this.id);
          this.pc.close();
        }
      }
      if (this.pc.connectionState === 'connected') {
        this.restarts = 0;
        this.openMediaChannel();
      }
      this.call.onChange();
    };
    this.senders = new Map();
    this.tracks = new Map(); // what each sender sends when the other side wants it (key as for senders)
    this.videoHeld = false; // the other side is audio-only: no picture is sent to it
    for (const { track, stream } of sends) this.send(track, stream);
    /** What the other side says of its own microphone and camera; unknown (null) until it says. */
    this.media = null;
    if (call.mediaChannel) {
      this.pc.ondatachannel = ({ channel }) => { if (channel.label === 'media' && !this.channel) this.useChannel(channel); };
    }
  }

  /**
   * The state channel is opened once the connection is up, by the impolite side only: it then adds one renegotiation
   * that nobody crosses, and never weighs on the first offer and answer (a channel made before them is rolled back
   * with the polite side's offer when two offers cross, and Chrome then loses the connection). The other side gets
   * it through ondatachannel. Each side sends its own state when it opens and on every change.
   */
  openMediaChannel() {
    if (!this.call.mediaChannel || this.polite || this.channel || this.pc.connectionState !== 'connected') return;
    this.useChannel(this.pc.createDataChannel('media'));
  }

  useChannel(channel) {
    this.channel = channel;
    channel.onopen = () => this.sendMedia(this.call.media);
    channel.onmessage = ({ data }) => {
      const media = parseMedia(data);
      if (!media) return;
      this.media = media;
      this.holdVideo(media.noVideo === true);
      this.call.onChange();
    };
    if (channel.readyState === 'open') this.sendMedia(this.call.media);
  }

  sendMedia(media) {
    if (this.channel?.readyState !== 'open' || !media) return;
    const noVideo = this.call.receiveVideo === false ? { noVideo: true } : {};
    try {
      this.channel.send(JSON.stringify({ audio: Boolean(media.audio), video: Boolean(media.video), ...noVideo }));
    } catch (e) { /* closing */ }
  }

  /** Sends a track (again): a track of the same stream and kind replaces the one sent before, without renegotiating. */
  send(track, stream) {
    const key = `${stream.id}/${track.kind}`;
    this.tracks.set(key, track);
    const sender = this.senders.get(key);
    const now = this.videoHeld && track.kind === 'video' ? null : track;
    if (sender) sender.replaceTrack(now).catch((e) => console.warn('replace', e));
    else {
      this.senders.set(key, this.pc.addTrack(track, stream));
      if (!now) this.senders.get(key).replaceTrack(null).catch((e) => console.warn('replace', e));
    }
  }

  /** The other side wants no picture (audio-only), or wants it again: the picture's senders stop or start. */
  holdVideo(hold) {
    if (hold === this.videoHeld) return;
    this.videoHeld = hold;
    for (const [key, sender] of this.senders) {
      if (!key.endsWith('/video')) continue;
      sender.replaceTrack(hold ? null : this.tracks.get(key)).catch((e) => console.warn('replace', e));
    }
  }

  /** One signal at a time, in order. */
  enqueue(message) {
    this.queue = this.queue.then(() => this.handle(message)).catch((e) => console.warn('signal', e));
  }

  async handle({ kind, data }) {
    if (kind === 'candidate') {
      // A candidate may come before the description it belongs to can be set (a restart, a crossing): kept until then,
      // never dropped — a lost host candidate can leave the pair stuck at "connecting".
      if (!this.pc.remoteDescription) {
        (this.earlyCandidates ??= []).push(data.candidate);
        return;
      }
      try {
        await this.pc.addIceCandidate(data.candidate);
      } catch (e) {
        if (!this.ignoreOffer) throw e;
      }
      return;
    }
    const description = data.description;
    const collision = description.type === 'offer' && (this.makingOffer || this.pc.signalingState !== 'stable');
    this.ignoreOffer = !this.polite && collision;
    if (this.ignoreOffer) return;
    if (description.type === 'offer') this.call.onOfferData?.(this, data);
    await this.pc.setRemoteDescription(description);
    for (const candidate of this.earlyCandidates?.splice(0) ?? []) {
      await this.pc.addIceCandidate(candidate).catch((e) => console.warn('early candidate', e));
    }
    if (description.type === 'offer') {
      await this.pc.setLocalDescription();
      this.call.signal(this.id, 'answer', { description: this.pc.localDescription.toJSON() });
    }
  }

  get state() {
    return this.pc.connectionState;
  }

  close() {
    this.channel?.close();
    this.pc.close();
  }
}
