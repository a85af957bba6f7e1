// Entry point: /a/<assembly> shows that assembly live, for whoever this browser is (invitation cookie) or as a
// public observer; / lists public assemblies.
import { html, render, repeat } from './lib/html.js';
import { t, addStrings, errorText } from './i18n/i18n.js';
import { languageButton } from './lib/language-button.js';
import { anchorFor, showNear, clearNear, clearAll } from './lib/near.js';
import { setTitle } from './lib/attention.js';
import { focusPlace, keepFocus } from './lib/focus.js';
import { prepareAnnouncer } from './lib/announce.js';
import { later, undo, now as doNow, undoLatest, pendingActions, onPendingChange } from './lib/undo.js';
import { LiveConnection } from './live/socket.js';
import assembly from './assembly/feature.js';
import live from './live/feature.js';
import breakout from './breakout/feature.js';
import poll from './poll/feature.js';
import decision from './decision/feature.js';
import video from './video/feature.js';
import learning from './learning/feature.js';
import helpdesk from './helpdesk/feature.js';
import sortition from './sortition/feature.js';
import outreach from './outreach/feature.js';

/**
 * The features of this hub, each from its folder's feature.js: its strings, its panels (a screen region, an order in
 * it, optionally the roles that see it, and render(ctx)) and, optionally, what it does when the page starts or the
 * socket brings news (start, onView, onPersonal, onSignal, onSignalError: each gets ctx first), whether its clock
 * needs a redraw every second (ticking) and what waits for the person (attention: {count, what}, shown in the tab's
 * title). Adding a feature: its folder, and its line here (and its import above).
 */
const FEATURES = [
  assembly,
  live,
  breakout,
  poll,
  decision,
  video,
  learning,
  helpdesk,
  sortition,
  outreach,
];

for (const feature of FEATURES) addStrings(feature.name, feature.strings);
/**
 * Panels by region, in their order: header (by the language switch), banner (messages that must reach everyone, at
 * the top of every screen), strip (the steering controls, kept in reach at the bottom), plenary (the main column),
 * aside, wide.
 */
const PANELS = FEATURES.flatMap((feature) => (feature.panels || []).map((panel, i) => ({ ...panel, key: `${feature.name}/${i}` })))
  .sort((a, b) => a.order - b.order);

const root = document.getElementById('app');
const match = location.pathname.match(/^\/a\/([a-z0-9-]+)/);
const state = { status: 'connecting', detail: null, view: null, me: null, notice: null, ui: {}, skew: 0 };

function statusText() {
  if (state.status === 'reconnecting' && typeof state.detail === 'number') return t('status.reconnectingIn', { s: state.detail });
  return t('status.' + state.status);
}

function header() {
  return html`
    <header class="top">
      <div>
        <p class="brand">${t('app.name')}</p>
        <h1>${state.view?.assembly?.title ?? ''}</h1>
        ${state.me ? html`<p class="me" data-testid="me">${state.me.personId
          ? html`${t('me.hello', { name: state.me.displayName })} · <strong>${t(state.me.audience === 'lead' ? 'role.lead' : 'role.' + state.me.role)}</strong>`
          : t('me.public')}</p>` : ''}
      </div>
      <div class="controls">
        <p class="connection ${state.status}" role="status" data-testid="connection" data-status=${state.status}>
          <span class="dot" aria-hidden="true"></span>${statusText()}
          ${state.status === 'reconnecting' ? html`<button type="button" class="secondary" @click=${() => connection.reconnectNow()}>${t('status.retry')}</button>` : ''}
        </p>
        ${keyed(region('header'))}
        ${languageButton(draw)}
      </div>
    </header>`;
}

/** What the region's panels show for this person (panels that show nothing are left out), each with its key. */
function region(name) {
  return PANELS.filter((panel) => panel.region === name && (!panel.roles || panel.roles.includes(state.me?.role)))
    .map((panel) => ({ key: panel.key, out: panel.render(context) })).filter((shown) => shown.out);
}

/**
 * The shown panels, each kept by its key: a panel that appears above others (what is learnt now, a first poll) must not
 * make those below be drawn anew — a playing video would stop and focus would fall to the page.
 */
function keyed(shown) {
  return repeat(shown, (panel) => panel.key, (panel) => panel.out);
}

function assemblyPage() {
  const view = state.view;
  if (state.status === 'refused' && !view) {
    return html`<main class="notice"><h2>${t('refused.title')}</h2><p>${state.notice ? errorText(state.notice) : ''}</p></main>`;
  }
  if (!view || !view.assembly) return html`<main><p>${t('status.connecting')}</p></main>`;
  const [plenary, aside, wide, strip] = ['plenary', 'aside', 'wide', 'strip'].map(region);
  return html`
    ${pageIndex()}
    <main class="layout">
      ${plenary.length ? html`<div class="plenary">${keyed(plenary)}</div>` : ''}
      ${aside.length ? html`<aside>${keyed(aside)}</aside>` : ''}
      ${wide.length ? html`<div class="wide">${keyed(wide)}</div>` : ''}
      ${strip.length ? html`<div class="strip" role="region" aria-label=${t('strip.label')} data-testid="strip">${keyed(strip)}</div>` : ''}
    </main>`;
}

/**
 * For organisers, whose console is long (on a phone the selection desk is thousands of pixels down): a list of the
 * page's parts, by their headings as last drawn, each link taking focus to its part.
 */
function pageIndex() {
  if (state.me?.role !== 'organiser') return '';
  const parts = [...root.querySelectorAll('main h2[id]')].map((h) => ({ id: h.id, text: h.textContent.trim() }))
    .filter((part) => part.text);
  if (parts.length < 4) return '';
  const go = (e, id) => {
    e.preventDefault();
    const heading = document.getElementById(id);
    if (!heading) return;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus();
  };
  return html`<nav class="page-index" aria-label=${t('page.index')} data-testid="page-index">
    <details><summary>${t('page.index')}</summary>
      <ul>${parts.map((part) => html`<li><a href=${'#' + part.id} @click=${(e) => go(e, part.id)}>${part.text}</a></li>`)}</ul>
    </details></nav>`;
}

/**
 * The top of every screen, kept in view while the page scrolls: messages for everyone (announcements, the lead's
 * broadcast, time warnings), actions waiting a few seconds to be undone, and a problem that has no control to sit by.
 */
function attention() {
  if (!state.view?.assembly) return '';
  const banner = region('banner');
  const waiting = pendingActions();
  return html`<div class="attention">
    <div role="status" aria-live="polite" class="banner" data-testid="banner">${keyed(banner)}</div>
    ${waiting.length ? html`<div class="undo" role="status" data-testid="undo">${waiting.map((a) => html`
      <p class="undo-item"><span>${t('undo.pending', { what: a.label, s: a.seconds })}</span>
        <button type="button" data-testid="undo-button" @click=${() => undo(a.id)}>${t('undo.cancel')}</button>
        <button type="button" class="secondary" data-testid="undo-now" @click=${() => doNow(a.id)}>${t('undo.now')}</button></p>`)}</div>` : ''}
    ${state.notice ? html`<p class="flash" role="alert" data-testid="notice">${errorText(state.notice)}
      <button type="button" class="secondary dismiss" aria-label=${t('error.dismiss')} @click=${() => { state.notice = null; draw(); }}>×</button></p>` : ''}
  </div>`;
}

/**
 * Sends a command; resolves with its ack, or null after showing the error (so forms keep what was typed). The error
 * is shown next to options.near (the control or form that caused it; by default the focused control), in the
 * person's language; with nothing to sit by, at the top of the screen.
 */
function act(name, args, options = {}) {
  const near = anchorFor(options.near);
  if (near) clearNear(near);
  return connection.send(name, args).then((ack) => {
    clearAll();
    if (state.notice) { state.notice = null; draw(); }
    return ack;
  }, (error) => { report(error, near); return null; });
}

/**
 * An action that is hard to take back waits a few seconds with "Undo" (label: what will happen); then
 * send(name, args, options). Resolves with the ack, or null when undone or refused.
 */
function actLater(label, name, args, options = {}) {
  const near = anchorFor(options.near);
  return new Promise((resolve) => {
    later(label, () => act(name, args, { near }).then(resolve), () => resolve(null));
  });
}

function draw() {
  const base = state.view?.assembly?.title ? `${state.view.assembly.title} · ${t('app.name')}` : t('app.name');
  const focus = focusPlace(root);
  render(html`${header()}${attention()}${assemblyPage()}`, root);
  keepFocus(root, focus);
  // What waits for this person (a group calling for help…) also goes in front of the tab's title.
  const waiting = FEATURES.map((feature) => feature.attention?.(context)).filter((a) => a?.count > 0);
  setTitle(base, waiting.reduce((sum, a) => sum + a.count, 0), waiting[0]?.what);
}

/** Views can change up to 50 times a second: draw at most once per frame (and in a hidden tab, four times a second). */
let drawPending = false;
function drawSoon() {
  if (drawPending) return;
  drawPending = true;
  const go = () => {
    if (!drawPending) return;
    drawPending = false;
    draw();
  };
  requestAnimationFrame(go);
  setTimeout(go, 250);
}

/** Shows a problem ({code, message}) next to near when it is still on the page, else at the top of the screen. */
function report(error, near) {
  if (near && showNear(near, errorText(error), t('error.dismiss'))) return;
  state.notice = error;
  draw();
}

/**
 * What features get from the app, in one object, read when they use it: the assembly, the view and this person, the
 * server's time, what the person may do, the socket, and how to redraw or show a problem. ui keeps what panels
 * remember between draws (a search typed, a draft being edited, links just made).
 */
const context = {
  assemblyId: match?.[1],
  ui: state.ui,
  get view() { return state.view; },
  get me() { return state.me; },
  /** The server's time in ms (the browser's clock corrected by the offset seen at connection). */
  get now() { return Date.now() + state.skew; },
  /** An organiser, or the lead facilitator: runs the session, the groups, polls and ballots. */
  get steers() {
    return state.me?.role === 'organiser' || Boolean(state.me?.personId && state.me.personId === state.view?.session?.lead);
  },
  /** A facilitator inside their group. */
  get facilitating() { return (state.me?.audience || '').startsWith('facilitator@'); },
  /** The live socket: send(name, args) resolves with the ack or rejects with the error; signal(...) for calls. */
  get connection() { return connection; },
  send: act,
  /** Like send, after a few seconds in which the person can undo (lib/undo.js): sendLater(label, name, args, options). */
  sendLater: actLater,
  redraw: draw,
  report,
};

/** Tells every feature that has something to do with it. */
function each(hook, ...args) {
  for (const feature of FEATURES) feature[hook]?.(context, ...args);
}

let connection;
let reconnected = false; // the socket was lost since the last `personal`: calls are joined again

async function homePage() {
  let assemblies = [];
  try {
    assemblies = (await (await fetch('/api/public-assemblies')).json()).assemblies;
  } catch (e) { /* shown as none */ }
  const left = new URLSearchParams(location.search).has('left');
  const page = () => html`
    <header class="top"><div><h1>${t('home.title')}</h1></div>
      <div class="controls">${languageButton(() => render(page(), root))}</div>
    </header>
    <main>${left ? html`<p class="receipt" role="status" data-testid="left-device">${t('leave.done')}</p>` : ''}
      <p>${t('home.text')}</p>
      ${assemblies.length === 0 ? html`<p class="muted">${t('home.none')}</p>`
        : html`<ul>${assemblies.map((a) => html`<li><a href="/a/${a.id}">${a.title}</a></li>`)}</ul>`}
    </main>`;
  render(page(), root);
}

prepareAnnouncer();
if (match) {
  connection = new LiveConnection(match[1], {
    onStatus: (status, detail) => {
      if (status === 'reconnecting') reconnected = true;
      state.status = status; state.detail = detail; draw();
    },
    onView: (view) => { state.view = view; drawSoon(); each('onView'); },
    onSignal: (message) => each('onSignal', message),
    onSignalError: (error) => each('onSignalError', error),
    onPersonal: (me, serverTime) => {
      state.me = me;
      each('onPersonal', { reconnected });
      reconnected = false;
      if (serverTime) state.skew = Date.parse(serverTime) - Date.now();
      draw();
    },
    onNotice: (error) => report(error),
  });
  window.assemblyHub = connection; // for people debugging in the console, and for the browser tests
  onPendingChange(draw);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && undoLatest()) event.preventDefault();
  });
  each('start');
  draw();
  connection.start();
  // Countdowns tick locally; the server only says when a segment ends.
  setInterval(() => {
    if (pendingActions().length || FEATURES.some((feature) => feature.ticking?.(context))) draw();
  }, 1000);
} else {
  homePage();
}
