// The tech check for the skills phase: see yourself, watch the microphone's level move as you speak, hear a test
// sound, and read plain advice when the browser refuses the camera or finds no device. Opened from an assembly
// (?a=<assembly>), a member's result (camera, microphone, connection) goes to their facilitators and the lead's desk,
// and the help button calls the desk from here.
import { html, render } from '../lib/html.js';
import { t, addStrings, errorText } from '../i18n/i18n.js';
import { languageButton } from '../lib/language-button.js';
import { LiveConnection } from '../live/socket.js';
import strings from './strings.js';
import helpStrings from '../helpdesk/strings.js';
import { helpButton, onPersonal as helpKnown } from '../helpdesk/button.js';

addStrings('video', strings);
addStrings('helpdesk', helpStrings);

const root = document.getElementById('app');
const state = { stream: null, problem: null, level: 0, sound: false, camera: null, microphone: null, connection: null,
  me: null, sent: false, error: null, ui: {} };
let analyser;

const assemblyId = (new URLSearchParams(location.search).get('a') || '').match(/^[a-z0-9-]{1,64}$/)?.[0];
const connection = assemblyId ? new LiveConnection(assemblyId, {
  onStatus: () => {},
  onView: () => {},
  onPersonal: (me) => { state.me = me; helpKnown(help); report(); draw(); },
  onNotice: (error) => { state.error = error; draw(); },
}) : null;

/** What the help button needs of the page (the app gives it more; here only the person and the socket). */
const help = {
  helpWhere: 'tech-check',
  steers: false,
  view: null,
  ui: state.ui,
  get me() { return state.me; },
  get connection() { return connection; },
  send: (name, args) => connection.send(name, args).then((ack) => { state.error = null; return ack; },
    (error) => { state.error = error; draw(); return null; }),
  redraw: () => draw(),
};

/** Good, poor or failed: three small requests to the hub, judged on the middle one. */
async function measureConnection() {
  const times = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    try {
      const response = await fetch(`/favicon.svg?ping=${Date.now()}-${i}`, { cache: 'no-store' });
      if (response.ok) times.push(performance.now() - started);
    } catch (e) { /* counted as lost */ }
  }
  if (!times.length) return 'failed';
  times.sort((a, b) => a - b);
  return times.length < 3 || times[Math.floor(times.length / 2)] > 400 ? 'poor' : 'good';
}

/** Sends the result once everything is known, for a member joined to an assembly (others have no one to tell). */
async function report() {
  if (!connection || state.sent || !state.me || state.me.role !== 'member' || !state.camera || !state.connection) return;
  state.sent = 'sending';
  const ack = await help.send('report-tech-check',
    { camera: state.camera, microphone: state.microphone, connection: state.connection });
  state.sent = Boolean(ack);
  draw();
}

/** When no device was found: which one is missing (a camera-less laptop still has a microphone). */
async function which() {
  const works = async (constraints) => {
    try {
      const stream = await navigator.mediaDevices.getUserMedia(constraints);
      stream.getTracks().forEach((track) => track.stop());
      return 'ok';
    } catch (e) {
      return e?.name === 'NotAllowedError' ? 'denied' : 'none';
    }
  };
  state.microphone = await works({ audio: true });
  state.camera = await works({ video: true });
}

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
      <section aria-labelledby="net"><h2 id="net">${t('check.connection')}</h2>
        <p data-testid="connection-result">${t('check.connection.' + (state.connection || 'measuring'))}</p>
      </section>
      ${connection ? html`<p role="status" data-testid="check-sent">${state.sent === true ? t('check.sent') : ''}</p>` : ''}
      ${state.error ? html`<p class="field-error" role="alert">${errorText(state.error)}</p>` : ''}
      ${connection ? helpButton(help) : ''}
      <p><a href=${assemblyId ? `/a/${assemblyId}` : '/'}>${t('check.back')}</a></p>
    </main>`;
}

function draw() {
  render(page(), root);
}

async function start() {
  state.problem = null;
  if (!navigator.mediaDevices?.getUserMedia) {
    state.problem = 'insecure';
    state.camera = state.microphone = 'none';
    draw();
    report();
    return;
  }
  try {
    state.stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    state.camera = state.stream.getVideoTracks().length ? 'ok' : 'none';
    state.microphone = state.stream.getAudioTracks().length ? 'ok' : 'none';
    const context = new AudioContext();
    analyser = context.createAnalyser();
    analyser.fftSize = 512;
    context.createMediaStreamSource(state.stream).connect(analyser);
    meter();
  } catch (e) {
    state.problem = e?.name === 'NotAllowedError' ? 'denied' : e?.name === 'NotFoundError' ? 'nodevice' : e?.name === 'NotReadableError' ? 'busy' : 'failed';
    if (state.problem === 'denied') state.camera = state.microphone = 'denied';
    else if (state.problem === 'nodevice') await which();
    else state.camera = state.microphone = 'none';
  }
  state.sent = false;
  draw();
  report();
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
measureConnection().then((quality) => { state.connection = quality; draw(); report(); });
connection?.start();
