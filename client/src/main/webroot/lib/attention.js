// Getting the attention of someone whose eyes are elsewhere: a short sound (Web Audio, only once the person has
// touched the page: browsers refuse sound before) and the tab's title ("(1) Aide — …"). Never the only signal: the
// screen also says it in words.
let audio = null;

function unlock() {
  if (audio || !(window.AudioContext || window.webkitAudioContext)) return;
  try {
    audio = new (window.AudioContext || window.webkitAudioContext)();
  } catch (e) {
    audio = null;
  }
}
window.addEventListener('pointerdown', unlock, { once: true, capture: true });
window.addEventListener('keydown', unlock, { once: true, capture: true });

/** Two short tones (about 0.3 s); silent when sound is not allowed yet. */
export function chime() {
  if (!audio || audio.state !== 'running') return;
  const start = audio.currentTime;
  [880, 660].forEach((frequency, i) => {
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + i * 0.16);
    gain.gain.exponentialRampToValueAtTime(0.2, start + i * 0.16 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.16 + 0.14);
    tone.connect(gain).connect(audio.destination);
    tone.start(start + i * 0.16);
    tone.stop(start + i * 0.16 + 0.15);
  });
}

/** The tab's title: the page's own, or "(n) what — page" while something waits for the person. */
export function setTitle(base, count, what) {
  const title = count > 0 ? `(${count}) ${what} — ${base}` : base;
  if (document.title !== title) document.title = title;
}
