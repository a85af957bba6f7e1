// The tech check for the skills phase: see yourself, watch the microphone's level move as you speak, hear a test
// sound, and read plain advice when the browser refuses the camera or finds no device.
import { html, render } from '../lib/html.js';
import { t, addStrings } from '../i18n/i18n.js';
import { languageButton } from '../lib/language-button.js';
import strings from './strings.js';

addStrings('video', strings);

const root = document.getElementById('app');
const state = { stream: null, problem: null, level: 0, sound: false };
let analyser;

function advice() {
  if (!state.problem) return '';
  return html`<div class="warning" role="alert" data-testid="advice"><p><strong>${t('check.' + state.problem)}</strong></p>
    <p>${t('check.' + state.problem + '.help')}</p>
    <button type="button" @click=${start}>${t('check.retry')}</button></div>`;
}

function page() {
  return html`<header class="top"><div><p class="brand">${t('app.name')}</p><h1>${t('check.title')}</h1></div>
      <div class="controls">${languageButton(draw)}</div></header>
    <main>
      <p>${t('check.intro')}</p>
      ${advice()}
      <section aria-labelledby="cam"><h2 id="cam">${t('check.camera')}</h2>
        ${state.stream ? html`<figure class="tile"><video autoplay playsinline .muted=${true} .srcObject=${state.stream} data-testid="preview"></video></figure>
          <p class="muted">${t('check.cameraHelp')}</p>` : html`<button type="button" @click=${start}>${t('check.start')}</button>`}
      </section>
      <section aria-labelledby="mic"><h2 id="mic">${t('check.microphone')}</h2>
        <label for="level">${t('check.level')}</label>
        <meter id="level" min="0" max="100" low="5" .value=${state.level} data-testid="level">${state.level}</meter>
        <p class="muted">${state.level > 5 ? t('check.heard') : t('check.speak')}</p>
      </section>
      <section aria-labelledby="spk"><h2 id="spk">${t('check.speakers')}</h2>
        <button type="button" class="secondary" data-testid="test-sound" @click=${playTone}>${t('check.play')}</button>
        ${state.sound ? html`<p role="status">${t('check.playing')}</p>` : ''}
      </section>
      <p><a href="/">${t('check.back')}</a></p>
    </main>`;
}

function draw() {
  render(page(), root);
}

async function start() {
  state.problem = null;
  if (!navigator.mediaDevices?.getUserMedia) {
    state.problem = 'insecure';
    draw();
    return;
  }
  try {
    state.stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    const context = new AudioContext();
    analyser = context.createAnalyser();
    analyser.fftSize = 512;
    context.createMediaStreamSource(state.stream).connect(analyser);
    meter();
  } catch (e) {
    state.problem = e?.name === 'NotAllowedError' ? 'denied' : e?.name === 'NotFoundError' ? 'nodevice' : e?.name === 'NotReadableError' ? 'busy' : 'failed';
  }
  draw();
}

function meter() {
  const data = new Uint8Array(analyser.fftSize);
  const tick = () => {
    analyser.getByteTimeDomainData(data);
    let peak = 0;
    for (const v of data) peak = Math.max(peak, Math.abs(v - 128));
    const level = Math.round((peak / 128) * 100);
    if (level !== state.level) {
      state.level = level;
      draw();
    }
    requestAnimationFrame(tick);
  };
  tick();
}

function playTone() {
  const context = new AudioContext();
  const tone = context.createOscillator();
  const gain = context.createGain();
  tone.frequency.value = 440;
  gain.gain.value = 0.2;
  tone.connect(gain).connect(context.destination);
  tone.start();
  tone.stop(context.currentTime + 1.5);
  state.sound = true;
  draw();
  tone.onended = () => { state.sound = false; draw(); context.close(); };
}

draw();
start();
