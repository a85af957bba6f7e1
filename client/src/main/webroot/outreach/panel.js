// The organiser's outreach section: send the invitations or the results, reminders on or off, and the log. It talks
// to /api/assemblies/<id>/outreach (docs/protocol.md, "HTTP"); refusals are shown with the error catalogue's words.
import { html } from '../lib/html.js';
import { t, errorText } from '../i18n/i18n.js';

const REASONS = ['not-on-roster', 'erased', 'no-link', 'no-invitation', 'too-late'];

/** A dropped message's reason in words when the hub names it by a code; a server's own words as they are. */
function reasonText(reason) {
  if (!reason) return '';
  if (REASONS.includes(reason)) return t('outreach.reason.' + reason);
  if (reason.startsWith('gave-up: ')) return t('outreach.reason.gave-up', { why: reason.slice(9) });
  return reason;
}

function kept(ctx) {
  ctx.ui.outreach ??= { log: null, error: null, sent: null, asked: false, busy: false };
  return ctx.ui.outreach;
}

async function call(ctx, method, path, body) {
  const response = await fetch(`/api/assemblies/${ctx.assemblyId}/outreach${path}`, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let json = {};
  try { json = await response.json(); } catch (e) { json = { code: 'internal-error' }; }
  return { ok: response.ok, json };
}

async function refresh(ctx) {
  const k = kept(ctx);
  const { ok, json } = await call(ctx, 'GET', '');
  if (ok) k.log = json;
  else k.error = json;
  ctx.redraw();
}

async function send(ctx, path, body) {
  const k = kept(ctx);
  if (k.busy) return;
  k.busy = true;
  k.error = null;
  k.sent = null;
  ctx.redraw();
  const { ok, json } = await call(ctx, 'POST', path, body);
  k.busy = false;
  if (ok) k.sent = json;
  else k.error = json;
  await refresh(ctx);
}

function nameOf(k, personId) {
  return k.log?.messages?.find((m) => m.personId === personId)?.name || personId;
}

function outcome(k) {
  if (k.error) return html`<p class="field-error" role="alert" data-testid="outreach-error">${errorText(k.error)}</p>`;
  if (!k.sent) return '';
  return html`<div role="status" data-testid="outreach-sent">
    ${k.sent.queued ? html`<p>${t('outreach.queued', { n: k.sent.queued.length })}</p>` : ''}
    ${k.sent.skipped?.length ? html`<p>${t('outreach.skipped')}</p>
      <ul>${k.sent.skipped.map((s) => html`<li>${nameOf(k, s.personId)} — ${errorText({ code: s.code })}</li>`)}</ul>` : ''}
  </div>`;
}

function logTable(ctx, k) {
  const messages = k.log?.messages || [];
  if (!messages.length) return html`<p class="muted">${t('outreach.log.empty')}</p>`;
  const bounces = messages.filter((m) => m.status === 'bounced').length;
  return html`${bounces ? html`<p class="field-error" data-testid="outreach-bounces">${t('outreach.log.bounces', { n: bounces })}</p>` : ''}
    <table data-testid="outreach-log">
      <thead><tr><th scope="col">${t('outreach.col.person')}</th><th scope="col">${t('outreach.col.kind')}</th>
        <th scope="col">${t('outreach.col.to')}</th><th scope="col">${t('outreach.col.status')}</th>
        <th scope="col">${t('outreach.col.when')}</th><th scope="col">${t('outreach.col.reason')}</th><th></th></tr></thead>
      <tbody>${messages.map((m) => html`<tr>
        <th scope="row">${m.name || m.personId}</th><td>${t('outreach.kind.' + m.kind)}</td><td>${m.to || ''}</td>
        <td>${t('outreach.status.' + m.status)}</td><td>${new Date(m.updatedAt).toLocaleString()}</td><td>${reasonText(m.reason)}</td>
        <td>${m.kind === 'invitation' ? html`<button type="button" ?disabled=${k.busy}
          @click=${() => send(ctx, '/invitations', { people: [m.personId], resend: true })}>${t('outreach.resend')}</button>` : ''}</td>
      </tr>`)}</tbody>
    </table>`;
}

export function outreachPanel(ctx) {
  const k = kept(ctx);
  if (!k.asked) {
    k.asked = true;
    refresh(ctx);
  }
  const log = k.log;
  const yes = (on) => t(on ? 'outreach.on' : 'outreach.off');
  return html`<section class="console outreach" aria-labelledby="outreach-title" data-testid="outreach">
    <h2 id="outreach-title">${t('outreach.title')}</h2>
    <p class="muted">${t('outreach.intro')}</p>
    ${log?.off ? html`<p class="muted" data-testid="outreach-off">${errorText({ code: 'outreach-off' })}</p>` : ''}
    ${log ? html`<p>${t('outreach.channels', { email: yes(log.email), sms: yes(log.sms) })}
      ${t(log.reminders ? 'outreach.reminders.on' : 'outreach.reminders.off')}${log.remindersStopped?.length
        ? html` ${t('outreach.remindersStopped', { n: log.remindersStopped.length })}` : ''}</p>` : ''}
    ${outcome(k)}
    <p><button type="button" ?disabled=${k.busy} @click=${() => send(ctx, '/invitations', {})}>${t('outreach.invite')}</button>
      <span class="muted">${t('outreach.invite.help')}</span></p>
    <form @submit=${(e) => { e.preventDefault(); send(ctx, '/results', { note: e.target.note.value || undefined }); }}>
      <label>${t('outreach.results.note')}<textarea name="note" maxlength="2000" rows="2"></textarea></label>
      <button type="submit" ?disabled=${k.busy}>${t('outreach.results')}</button>
    </form>
    ${log ? html`<p><button type="button" ?disabled=${k.busy} @click=${() => send(ctx, '/reminders', { on: !log.reminders })}>
      ${t(log.reminders ? 'outreach.reminders.turnOff' : 'outreach.reminders.turnOn')}</button></p>` : ''}
    <h3>${t('outreach.log.title')}</h3>
    <p><button type="button" @click=${() => refresh(ctx)}>${t('outreach.refresh')}</button></p>
    ${logTable(ctx, k)}
  </section>`;
}
