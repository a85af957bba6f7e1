// A member's reminders, from the link at the foot of each reminder (/r/<assembly>/<person>/<key>): whether they come,
// and a button to stop them or to have them again. The link opens no session; the hub checks its key.
import { html, render } from '../lib/html.js';
import { t, addStrings, errorText } from '../i18n/i18n.js';
import { languageButton } from '../lib/language-button.js';
import strings from './strings.js';

addStrings('outreach', strings);

const [, assemblyId, personId, key] = location.pathname.match(/^\/r\/([^/]+)\/([^/]+)\/([^/]+)$/) || [];
const root = document.getElementById('app');
const state = { data: null, error: null, busy: false, changed: false };
const api = `/api/reminders/${assemblyId}/${personId}/${key}`;

async function call(method, body) {
  const response = await fetch(api, {
    method,
    credentials: 'omit',
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await response.json().catch(() => ({ code: 'internal' }));
  return response.ok ? json : Promise.reject(json);
}

async function load(body) {
  state.busy = true;
  draw();
  try {
    state.data = await call(body ? 'POST' : 'GET', body);
    state.error = null;
    state.changed = Boolean(body);
  } catch (error) {
    state.error = error;
  }
  state.busy = false;
  draw();
  if (body) document.querySelector(state.error ? '[data-testid=reminders-error]' : '#reminders-state')?.focus();
}

/** What the page says of the member's reminders (on, but paused by the organisers for now, is said as such). */
function said(data) {
  if (data.reminders && !data.assemblyReminders) return t('reminders.page.paused');
  if (state.changed) return t(data.reminders ? 'reminders.page.restarted' : 'reminders.page.stopped');
  return t(data.reminders ? 'reminders.page.on' : 'reminders.page.off');
}

/** An error in this page's words: a hub that sends no reminders has none to stop. */
function errorSaid(error) {
  return error.code === 'outreach-off' ? t('reminders.page.none') : errorText(error);
}

function draw() {
  const data = state.data;
  document.title = `${state.error ? '⚠ ' : ''}${t('reminders.page.title')} · ${t('app.name')}`;
  render(html`
    <header class="top">
      <div><p class="brand">${t('app.name')}</p><h1>${t('reminders.page.title')}</h1></div>
      <div class="controls">${languageButton(draw)}</div>
    </header>
    <main id="main">
      ${state.error ? html`<p role="alert" class="field-error" tabindex="-1" data-testid="reminders-error">${errorSaid(state.error)}</p>` : ''}
      ${data ? html`
        <p id="reminders-state" tabindex="-1" data-testid="reminders-state">${said(data)}</p>
        <p>${t('reminders.page.help')}</p>
        <p><button type="button" data-testid="reminders-toggle" aria-disabled=${state.busy ? 'true' : 'false'}
          @click=${() => { if (!state.busy) load({ on: !data.reminders }); }}>${t(data.reminders ? 'reminders.page.stop' : 'reminders.page.start')}</button></p>`
        : state.error ? '' : html`<p role="status">${t('reminders.page.loading')}</p>`}
    </main>`, root);
}

if (assemblyId) load();
else {
  state.error = { code: 'no-such-link' };
  draw();
}
