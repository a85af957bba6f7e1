// The help button on every screen: a call to the desk (and to the caller's facilitator when seated), its state kept
// from the hub (help-status) and announced in words in a live region, never by colour alone.
import { html } from '../lib/html.js';
import { t } from '../i18n/i18n.js';

/** Asks again while a call waits, so the caller learns it was taken without reloading. */
const POLL_MS = 5000;
let poller = null;

/** Who gets the button: everyone who takes part, except those who answer calls (the lead and organisers). */
function mayCall(ctx) {
  const role = ctx.me?.role;
  return Boolean(ctx.me?.personId) && role !== 'observer' && !ctx.steers;
}

function where(ctx) {
  if (ctx.helpWhere) return ctx.helpWhere;
  if (ctx.view?.breakouts?.myGroup) return 'group';
  if (ctx.view?.breakouts?.open && ctx.me?.role === 'member') return 'waiting';
  return 'plenary';
}

/** The state of this person's call: none, called, answered; and what was last announced. */
function help(ctx) {
  ctx.ui.help ||= { state: 'none', said: '' };
  return ctx.ui.help;
}

async function refresh(ctx) {
  if (!mayCall(ctx)) return;
  const ack = await ctx.connection.send('help-status', {}).catch(() => null);
  const state = ack?.result?.state;
  if (!state) return;
  const h = help(ctx);
  if (state !== h.state) {
    if (state === 'answered' && h.state === 'called') h.said = t('help.answeredAnon');
    h.state = state;
    ctx.redraw();
  }
  follow(ctx);
}

function follow(ctx) {
  const waiting = help(ctx).state === 'called';
  if (waiting && !poller) poller = setInterval(() => refresh(ctx), POLL_MS);
  if (!waiting && poller) { clearInterval(poller); poller = null; }
}

export function onPersonal(ctx) {
  refresh(ctx);
}

export function helpButton(ctx) {
  if (!mayCall(ctx)) return '';
  const h = help(ctx);
  const call = async (e) => {
    const ack = await ctx.send('call-for-help', { where: where(ctx) }, { near: e.currentTarget });
    if (!ack) return;
    h.state = 'called';
    h.said = t('help.called');
    follow(ctx);
    ctx.redraw();
  };
  const withdraw = async (e) => {
    const ack = await ctx.send('withdraw-help-call', {}, { near: e.currentTarget });
    if (!ack) return;
    h.state = 'none';
    h.said = t('help.withdrawn');
    follow(ctx);
    ctx.redraw();
  };
  return html`<div class="help-call" data-testid="help-call">
    ${h.state === 'called'
      ? html`<button type="button" class="secondary" data-testid="help-withdraw" @click=${withdraw}>${t('help.cancel')}</button>`
      : html`<button type="button" class="help-button" data-testid="help-button" aria-describedby="help-hint" @click=${call}>
          <span aria-hidden="true">✋ </span>${t('help.button')}</button>
        <span id="help-hint" class="visually-hidden">${t('help.buttonHint')}</span>`}
    <p class="help-state" role="status" aria-live="polite" data-testid="help-state" data-state=${h.state}>${h.said}</p>
  </div>`;
}
