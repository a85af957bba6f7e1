// Inside a group: the written chat (for members who cannot or dare not speak) and a typed request for the floor.
// The hub sends the chat's last messages in the group's view (workspace.chat); a facilitator hides a message with a
// reason, and the hub then sends the reason in place of its text.
import { html, repeat, live } from '../lib/html.js';
import { t, locale } from '../i18n/i18n.js';
import { keptDrafts } from '../lib/kept-drafts.js';

/** Hours and minutes in the person's language and time zone ("14:05" / "14:05"). */
function timeOf(iso) {
  return new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export function chatPanel(ctx) {
  const ws = ctx.view.workspace;
  if (!ws || !ctx.me?.personId) return '';
  const chat = ws.chat || { total: 0, messages: {} };
  const messages = Object.entries(chat.messages || {}).sort((a, b) => a[1].order - b[1].order);
  const ui = ctx.ui.chat ||= { text: '', hiding: null, reason: '', last: null };
  const newest = messages.length ? messages[messages.length - 1][0] : null;
  if (newest !== ui.last) {
    ui.last = newest;
    requestAnimationFrame(() => followTheEnd());
  }
  const earlier = (chat.total ?? 0) - messages.length;
  return html`<section aria-labelledby="chat-title" data-testid="chat" class="chat">
    <h2 id="chat-title">${t('chat.title')}</h2>
    ${earlier > 0 ? html`<p class="muted">${t('chat.earlier', { n: earlier })}</p>` : ''}
    <div id="chat-log" class="chat-log" role="log" aria-live="polite" aria-labelledby="chat-title" tabindex="0"
      data-testid="chat-log">
      ${messages.length === 0 ? html`<p class="muted">${t('chat.empty')}</p>` : html`<ol>
        ${repeat(messages, ([id]) => id, ([id, m]) => message(ctx, ui, id, m))}
      </ol>`}
    </div>
    ${messageForm(ctx, ui)}
    ${ctx.facilitating ? '' : handForm(ctx, ws)}
  </section>`;
}

/** Keeps the newest message in view when the log was already showing the end (never yanks someone reading back). */
function followTheEnd() {
  const log = document.getElementById('chat-log');
  if (!log) return;
  const nearEnd = log.scrollHeight - log.scrollTop - log.clientHeight < 120;
  if (nearEnd || !log.dataset.followed) log.scrollTop = log.scrollHeight;
  log.dataset.followed = 'yes';
}

function message(ctx, ui, id, m) {
  const mine = m.by === ctx.me.personId;
  const hidden = typeof m.hidden === 'string';
  return html`<li class=${`chat-message${mine ? ' mine' : ''}${hidden ? ' hidden' : ''}`} data-testid="chat-message">
    <p class="chat-meta"><span class="chat-author">${mine ? t('chat.you', { name: m.name }) : m.name}</span>
      <time datetime=${m.at}>${timeOf(m.at)}</time></p>
    ${hidden ? html`<p class="chat-hidden" data-testid="chat-hidden">${t('chat.hiddenBy', { reason: m.hidden })}</p>
      ${mine ? html`<p class="chat-hidden-mine">${t('chat.yoursHidden')}</p>` : ''}`
      : html`<p class="chat-text">${m.text}</p>`}
    ${!hidden && ctx.facilitating ? hideControls(ctx, ui, id, m) : ''}
    ${!hidden && mine && !ctx.facilitating ? html`<button type="button" class="secondary"
      @click=${(e) => ctx.send('raise-hand', { messageId: id }, { near: e.target })}>${t('chat.askReadOut')}</button>` : ''}
  </li>`;
}

/** A facilitator hides a message: a reason is asked first (the group reads it in the message's place). */
function hideControls(ctx, ui, id, m) {
  if (ui.hiding !== id) {
    return html`<button type="button" class="secondary" aria-label=${t('chat.hideOf', { name: m.name })}
      @click=${() => { ui.hiding = id; ui.reason = ''; ctx.redraw(); focusSoon('chat-reason'); }}>${t('chat.hide')}</button>`;
  }
  const submit = (e) => {
    e.preventDefault();
    ctx.send('hide-message', { messageId: id, reason: ui.reason }, { near: e.target.reason }).then((ack) => {
      if (!ack) return;
      ui.hiding = null;
      ui.reason = '';
      ctx.redraw();
      focusSoon('chat-log');
    });
  };
  const cancel = () => { ui.hiding = null; ctx.redraw(); focusSoon('chat-log'); };
  return html`<form class="chat-hide" data-testid="chat-hide" @submit=${submit}
    @keydown=${(e) => { if (e.key === 'Escape') cancel(); }}>
    <label for="chat-reason">${t('chat.reason')}</label>
    <input id="chat-reason" name="reason" type="text" maxlength="200" autocomplete="off" .value=${ui.reason}
      @input=${(e) => { ui.reason = e.target.value; }}>
    <div class="controls-row">
      <button type="submit">${t('chat.hideConfirm')}</button>
      <button type="button" class="secondary" @click=${cancel}>${t('chat.cancel')}</button>
    </div>
  </form>`;
}

function focusSoon(id) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/**
 * The box to write in: Enter sends, Shift+Enter starts a new line; focus stays in the box after sending; what is typed
 * is kept in this browser until the hub has the message.
 */
function messageForm(ctx, ui) {
  const kept = keptDrafts(ctx.me);
  if (!ui.restored) {
    ui.restored = true;
    ui.text ||= kept.restore('chat:new') ?? '';
  }
  const submit = (e) => {
    e.preventDefault();
    const box = e.target.querySelector('textarea');
    const sent = ui.text;
    ctx.send('post-message', { text: sent }, { near: box }).then((ack) => {
      if (!ack) return;
      kept.forget('chat:new');
      if (ui.text === sent) ui.text = '';
      ctx.redraw();
    });
  };
  const keydown = (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      e.target.form.requestSubmit();
    }
  };
  return html`<form class="chat-form" data-testid="chat-form" @submit=${submit}>
    <label for="chat-text">${t('chat.label')}</label>
    <textarea id="chat-text" name="message" rows="2" maxlength="1000" aria-describedby="chat-keys" .value=${live(ui.text)}
      @input=${(e) => { ui.text = e.target.value; kept.keep('chat:new', ui.text); }} @keydown=${keydown}></textarea>
    <p id="chat-keys" class="muted">${t('chat.keys')}</p>
    <button type="submit">${t('chat.send')}</button>
  </form>`;
}

/** A raised hand with a few typed words, for the facilitator's queue; asked again while waiting, it updates them. */
function handForm(ctx, ws) {
  const ui = ctx.ui.hand ||= { note: '' };
  const waiting = Boolean(ws.queue?.[ctx.me.personId]);
  const submit = (e) => {
    e.preventDefault();
    ctx.send('raise-hand', { note: ui.note }, { near: e.target.note }).then((ack) => {
      if (!ack) return;
      ui.note = '';
      ctx.redraw();
    });
  };
  return html`<form class="hand-note" data-testid="hand-note" @submit=${submit}>
    <label for="hand-note">${t('chat.handNote')}</label>
    <input id="hand-note" name="note" type="text" maxlength="200" autocomplete="off" .value=${live(ui.note)}
      @input=${(e) => { ui.note = e.target.value; }}>
    <button type="submit">${waiting ? t('chat.handUpdate') : t('chat.handRaise')}</button>
  </form>`;
}
