// Phone-only members, for their group's facilitators, the lead and organisers: who takes part by phone in each group
// that meets, and the number and PIN to read to them (asked of the hub, never in a view: a PIN reaches nobody else).
// With the built-in mesh nobody can dial in, and the panel says so.
import { html } from '../lib/html.js';
import { t } from '../i18n/i18n.js';

/** What the view says of phone-only members who sit in groups: changes when one is seated, moved or unmarked. */
function signature(view) {
  const b = view?.breakouts;
  if (!b?.open) return '';
  if (b.myGroup?.members) {
    const phones = Object.entries(b.myGroup.members).filter(([, m]) => m.phoneOnly).map(([id]) => id).sort();
    return phones.length ? `${b.round}/${b.myGroup.number}:${phones.join(',')}` : '';
  }
  const groups = Object.entries(b.groups || {}).filter(([, g]) => g.phoneOnly)
    .map(([n, g]) => `${n}:${g.phoneOnly}:${Object.keys(g.members || {}).sort().join(',')}`);
  return groups.length ? `${b.round}/${groups.join(';')}` : '';
}

/** Asks again after a refusal or a lost answer (a busy hub, a reconnection): the PIN matters when the room opens. */
async function ask(ctx, lines, key, attempt = 0) {
  const ack = await ctx.connection.send('phone-dial-in', {}).catch(() => null);
  if (lines.key !== key) return;
  if (!ack?.result && attempt < 5) {
    setTimeout(() => { if (lines.key === key) ask(ctx, lines, key, attempt + 1); }, 500 * 2 ** attempt);
    return;
  }
  lines.answer = ack?.result ?? null;
  ctx.redraw();
}

export function onView(ctx) {
  const lines = (ctx.ui.phones ||= { key: '', answer: null });
  const steers = ctx.steers || ctx.facilitating;
  const key = steers ? signature(ctx.view) : '';
  if (key === lines.key) return;
  lines.key = key;
  lines.answer = null;
  if (key) ask(ctx, lines, key);
}

function line(group, provider) {
  const dial = group.dialIn;
  const [first, ...others] = dial?.numbers ?? [];
  return html`<li data-testid="phone-line" data-group=${group.group}>
    <p><strong>${t('phone.group', { n: group.group })}</strong> —
      ${group.members.map((m) => t('phone.member', { name: m.name })).join(' ')}</p>
    ${dial && first ? html`<p data-testid="phone-pin">${t('phone.dial', { number: first.number, pin: dial.pin })}</p>
      ${others.length ? html`<details><summary>${t('phone.more')}</summary><ul>${others.map((n) => html`<li>${n.country} ${n.number}</li>`)}</ul></details>` : ''}`
      : html`<p class="warning" data-testid="phone-no-dial-in">${provider === 'jitsi' ? t('phone.unavailable') : t('phone.noDialIn')}</p>`}
  </li>`;
}

export function phonesPanel(ctx) {
  const lines = ctx.ui.phones;
  const groups = lines?.answer?.groups;
  if (!lines?.key || !groups?.length) return '';
  return html`<section aria-labelledby="phones-title" class="phones" data-testid="phones">
    <h2 id="phones-title">${t('phone.title')}</h2>
    <ul>${groups.map((g) => line(g, lines.answer.provider))}</ul>
    <button type="button" class="secondary" @click=${() => ask(ctx, lines)}>${t('phone.refresh')}</button>
  </section>`;
}
