// Who is speaking: the sound level of each stream on this screen, read by a Web Audio AnalyserNode (nothing is sent
// anywhere), and the one person marked as the active speaker. Browsers let Web Audio run only after the person has
// used the page; until then (or where Web Audio is missing) the caller falls back to the levels WebRTC reports.

/** Above this level (RMS of the samples, 0–1) someone is making sound; room noise of a laptop microphone is below. */
export const SPEAKING_LEVEL = 0.02;
/** Each reading keeps this share of the previous one, so that the pauses between words do not blink the mark. */
const DECAY = 0.9;
/** Someone else becomes the active speaker only when clearly louder than the one marked now. */
const TAKE_OVER = 1.5;

export class SpeakerMeter {
  constructor() {
    this.context = null;
    this.sources = new Map(); // key → { track, source, analyser, data }
    this.smoothed = new Map(); // key → level, decaying
    this.active = null;
  }

  /** The page's AudioContext, made once; resumed at the person's first click or key if the browser held it. */
  audio() {
    if (this.context || typeof AudioContext === 'undefined') return this.context;
    try {
      this.context = new AudioContext();
    } catch (e) {
      return null;
    }
    if (this.context.state === 'suspended') {
      const resume = () => {
        this.context?.resume().catch(() => {});
        removeEventListener('pointerdown', resume, true);
        removeEventListener('keydown', resume, true);
      };
      addEventListener('pointerdown', resume, true);
      addEventListener('keydown', resume, true);
    }
    return this.context;
  }

  /** True when levels can be read here (the AudioContext runs). */
  get running() {
    return this.audio()?.state === 'running';
  }

  /**
   * The level of each stream now (key → 0–1), or null when Web Audio cannot run yet. A stream without a live audio
   * track, or whose track is disabled (one's own microphone off), reads 0.
   */
  measure(streams) {
    if (!this.running) return null;
    for (const [key, entry] of [...this.sources]) {
      if (!streams.has(key)) this.forget(key, entry);
    }
    const out = new Map();
    for (const [key, stream] of streams) {
      const track = stream?.getAudioTracks().find((tr) => tr.readyState === 'live');
      if (!track || !track.enabled) {
        out.set(key, 0);
        continue;
      }
      let entry = this.sources.get(key);
      if (!entry || entry.track !== track) {
        if (entry) this.forget(key, entry);
        const source = this.context.createMediaStreamSource(new MediaStream([track]));
        const analyser = this.context.createAnalyser();
        analyser.fftSize = 2048;
        source.connect(analyser); // not to the speakers: the video element plays the sound
        entry = { track, source, analyser, data: new Float32Array(analyser.fftSize) };
        this.sources.set(key, entry);
      }
      entry.analyser.getFloatTimeDomainData(entry.data);
      let sum = 0;
      for (const v of entry.data) sum += v * v;
      out.set(key, Math.sqrt(sum / entry.data.length));
    }
    return out;
  }

  forget(key, entry) {
    try {
      entry.source.disconnect();
    } catch (e) { /* already */ }
    this.sources.delete(key);
  }

  /**
   * Takes a reading (key → level; people known to be muted left out) and returns the active speaker's key, or null:
   * the loudest above SPEAKING_LEVEL, kept while they go on unless someone else is clearly louder.
   */
  update(levels) {
    const next = new Map();
    for (const [key, level] of levels) next.set(key, Math.max(level, (this.smoothed.get(key) || 0) * DECAY));
    this.smoothed = next;
    let loudest = null;
    for (const [key, level] of next) {
      if (level >= SPEAKING_LEVEL && (loudest === null || level > next.get(loudest))) loudest = key;
    }
    const current = this.active !== null ? next.get(this.active) : undefined;
    if (current !== undefined && current >= SPEAKING_LEVEL && loudest !== null && next.get(loudest) < current * TAKE_OVER) {
      return this.active;
    }
    this.active = loudest;
    return this.active;
  }

  close() {
    for (const [key, entry] of [...this.sources]) this.forget(key, entry);
    this.smoothed.clear();
    this.active = null;
  }
}
