// Entry point: /a/<assembly> shows that assembly live, for whoever this browser is (invitation cookie) or as a
// public observer; / lists public assemblies.
import { html, render } from './lib/html.js';
import { t, toggleLanguage } from './i18n/i18n.js';
import { LiveConnection } from './live/socket.js';
import { plenaryPanel } from './assembly/plenary.js';
import { presencePanel } from './assembly/presence.js';
import { organiserConsole } from './assembly/organiser.js';
import { sessionPanel } from './live/session.js';
import { breakoutPanel } from './breakout/rooms.js';
import { workspacePanel, harvestPanel } from './breakout/workspace.js';
import { pollsPanel } from './poll/polls.js';
import { draftsPanel } from './decision/drafts.js';
import { ballotsPanel, myBallot } from './decision/ballots.js';
import { CallController, callPanel } from './video/call.js';
import { leaveButton, followLeaving } from './live/leave.js';
import { remember, forget } from './lib/device.js';
import { trackerOf } from './decision/tracker.js';

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
        ${state.me?.personId ? html`<a href="/tech-check.html" target="_blank" rel="noopener">${t('video.check')}</a>` : ''}
        ${state.me?.personId ? leaveButton(state.me, state.view, report) : ''}
        <button type="button" class="secondary" aria-label=${t('lang.switch.label')} @click=${() => { toggleLanguage(); draw(); }}>${t('lang.switch')}</button>
      </div>
    </header>`;
}

function assemblyPage() {
  const view = state.view;
  if (state.status === 'refused' && !view) {
    return html`<main class="notice"><h2>${t('refused.title')}</h2><p>${state.notice?.message ?? ''}</p></main>`;
  }
  if (!view || !view.assembly) return html`<main><p>${t('status.connecting')}</p></main>`;
  const role = state.me?.role;
  const steers = role === 'organiser' || (state.me?.personId && state.me.personId === view.session?.lead);
  const facilitating = (state.me?.audience || '').startsWith('facilitator@');
  const controls = steers ? { send: (name, args) => connection.send(name, args).then(() => { state.notice = null; draw(); }, report) } : null;
  return html`
    <main class="layout">
      ${state.notice ? html`<p class="flash" role="alert">${state.notice.message}</p>` : ''}
      <div class="plenary">${call ? callPanel(call, facilitating) : ''}${sessionPanel(view.session, Date.now() + state.skew, controls)}
        ${breakoutPanel(view.breakouts, controls, (state.me?.audience || '').startsWith('facilitator@') ? act : null, Date.now() + state.skew)}
        ${workspacePanel(view.workspace, state.me, (state.me?.audience || '').startsWith('facilitator@'), act, Date.now() + state.skew)}
        ${harvestPanel(view.harvest, role === 'organiser' || role === 'facilitator', steers ? act : null)}
        ${ballotsPanel(match[1], view.ballots, view.drafts, state.me, act, steers, state.ui, draw, report)}
        ${pollsPanel(match[1], view.polls, state.me, act, steers, facilitating, Boolean(view.breakouts?.open), draw)}
        ${draftsPanel(match[1], view.drafts, steers || facilitating, act, state.ui, draw)}
        ${plenaryPanel(view)}</div>
      ${role === 'facilitator' && view.presence ? html`<aside>${presencePanel(view.presence)}</aside>` : ''}
      ${role === 'organiser' && view.roster ? html`<div class="wide">${organiserConsole(view, organiserActions)}</div>` : ''}
    </main>`;
}

/** Sends a command; resolves with its ack, or null after showing the error (so forms keep what was typed). */
function act(name, args) {
  return connection.send(name, args).then((ack) => { state.notice = null; draw(); return ack; },
    (error) => { report(error); return null; });
}

/** A ballot cast whose answer never arrived (connection lost): ask the hub, by its secret, whether it counted. */
const recovering = new Set();
function recoverReceipts(view) {
  const me = state.me;
  if (!me?.personId) return;
  for (const id of Object.keys(view?.ballots || {})) {
    const mine = myBallot(me, id);
    if (!mine?.pending || recovering.has(id)) continue;
    recovering.add(id);
    connection.send('find-receipt', { ballotId: id, secret: mine.secret }).then(async (ack) => {
      if (ack.result.status === 'counted') remember(me, 'ballot', id, { secret: mine.secret, tracker: await trackerOf(id, mine.secret) });
      else if (mine.previous) remember(me, 'ballot', id, mine.previous);
      else forget(me, 'ballot', id);
      draw();
    }, () => recovering.delete(id));
  }
}

function draw() {
  render(html`${header()}${assemblyPage()}`, root);
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

function report(error) {
  state.notice = error;
  draw();
}

const organiserActions = {
  ui: state.ui,
  get imported() { return state.ui.imported; },
  get newLink() { return state.ui.newLink; },
  get script() { return state.ui.script; },
  changePhase: (phase) => connection.send('change-phase', { phase }).then(() => { state.notice = null; draw(); }, report),
  announce: (text, form) => connection.send('announce', { text }).then(() => { form.reset(); state.notice = null; draw(); }, report),
  reissue: (person) => connection.send('reissue-invitation', { personId: person.id }).then((ack) => {
    // Sealed for the delivery officer: the organiser gets a file to pass on, never the link.
    state.ui.newLink = ack.result.sealed
      ? { name: person.name, sealed: { ...ack.result.sealed, publicUrl: location.origin, people: [{ id: person.id, name: person.name }] } }
      : { name: person.name, link: `${location.origin}/join/${ack.result.token}` };
    draw();
  }, report),
  revoke: (person) => {
    if (!confirm(t('organiser.revoke.confirm', { name: person.name }))) return;
    connection.send('revoke-invitation', { personId: person.id }).then(() => draw(), report);
  },
  attachScript: async (file) => {
    if (!file) return;
    const response = await fetch(`/api/assemblies/${match[1]}/script`, {
      method: 'POST', headers: { 'Content-Type': 'text/yaml' }, body: await file.text(), credentials: 'same-origin',
    });
    state.ui.script = await response.json();
    draw();
  },
  appointLead: (personId) => connection.send('appoint-lead', { personId }).then(() => { state.notice = null; draw(); }, report),
  importRoster: async (file) => {
    if (!file) return;
    const response = await fetch(`/api/assemblies/${match[1]}/roster`, {
      method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: await file.text(), credentials: 'same-origin',
    });
    state.ui.imported = await response.json();
    draw();
  },
};

let connection;
let call;
let reconnected = false; // the socket was lost since the last `personal`: calls are joined again

async function homePage() {
  let assemblies = [];
  try {
    assemblies = (await (await fetch('/api/public-assemblies')).json()).assemblies;
  } catch (e) { /* shown as none */ }
  const left = new URLSearchParams(location.search).has('left');
  const page = () => html`
    <header class="top"><div><h1>${t('home.title')}</h1></div>
      <div class="controls"><button type="button" class="secondary" @click=${() => { toggleLanguage(); render(page(), root); }}>${t('lang.switch')}</button></div>
    </header>
    <main>${left ? html`<p class="receipt" role="status" data-testid="left-device">${t('leave.done')}</p>` : ''}
      <p>${t('home.text')}</p>
      ${assemblies.length === 0 ? html`<p class="muted">${t('home.none')}</p>`
        : html`<ul>${assemblies.map((a) => html`<li><a href="/a/${a.id}">${a.title}</a></li>`)}</ul>`}
    </main>`;
  render(page(), root);
}

if (match) {
  connection = new LiveConnection(match[1], {
    onStatus: (status, detail) => {
      if (status === 'reconnecting') reconnected = true;
      state.status = status; state.detail = detail; draw();
    },
    onView: (view) => { state.view = view; drawSoon(); recoverReceipts(view); },
    onSignal: (message) => call.onSignal(message),
    onSignalError: (error) => { console.info('call signal refused', error.code); call.onSignalError(error); },
    onPersonal: (me, serverTime) => {
      state.me = me;
      recoverReceipts(state.view);
      if (reconnected) call.rejoin(me);
      else call.follow(me);
      reconnected = false;
      if (serverTime) state.skew = Date.parse(serverTime) - Date.now();
      draw();
    },
    onNotice: (error) => report(error),
  });
  window.assemblyHub = connection; // for people debugging in the console, and for the browser tests
  followLeaving();
  call = new CallController(connection, () => draw());
  draw();
  connection.start();
  // Countdowns tick locally; the server only says when a segment ends.
  setInterval(() => {
    const ticking = (state.view?.session?.running && !state.view.session.running.paused) || state.view?.workspace?.speaker
      || state.view?.breakouts?.myGroup?.endsAt;
    if (ticking) draw();
  }, 1000);
} else {
  homePage();
}
