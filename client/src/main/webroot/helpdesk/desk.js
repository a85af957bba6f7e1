// The help desk for those who help: calls for help (with "Answer"), and each member's tech check with who still needs
// a hand — the lead's desk and organisers see every member, a group's facilitators their group.
import { html, repeat } from '../lib/html.js';
import { t, locale } from '../i18n/i18n.js';

const byName = (a, b) => a.name.localeCompare(b.name, undefined, { numeric: true });

export function time(at) {
  return new Date(at).toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit' });
}

function calls(ctx, desk) {
  const all = Object.entries(desk.calls || {}).map(([id, c]) => ({ id, ...c })).sort((a, b) => a.at.localeCompare(b.at));
  const waiting = all.filter((c) => !c.answered);
  const taken = all.filter((c) => c.answered);
  const text = (c) => t(c.group ? 'helpdesk.callGroup' : 'helpdesk.call',
    { name: c.name, n: c.group, where: t('helpdesk.where.' + c.where), time: time(c.at) });
  return html`<h3 id="helpdesk-calls">${t('helpdesk.calls')}</h3>
    ${waiting.length ? html`<ul class="help-calls" aria-labelledby="helpdesk-calls" data-testid="helpdesk-calls">
      ${repeat(waiting, (c) => c.id, (c) => html`<li data-person=${c.id}><strong>${text(c)}</strong>
        <button type="button" data-testid="helpdesk-answer"
          @click=${(e) => ctx.send('answer-help-call', { personId: c.id }, { near: e.currentTarget })}>${t('helpdesk.answer', { name: c.name })}</button></li>`)}
    </ul>` : html`<p class="muted" data-testid="helpdesk-no-calls">${t('helpdesk.noCalls')}</p>`}
    ${taken.length ? html`<ul class="muted">${taken.map((c) => html`<li>${t('helpdesk.answeredBy', { name: c.name, by: c.answeredBy ?? '' })}</li>`)}</ul>` : ''}`;
}

function cell(check, field) {
  if (!check) return '';
  const value = check[field];
  const bad = field === 'connection' ? value !== 'good' : value !== 'ok';
  const key = field === 'connection' ? 'helpdesk.connection.' + value : 'helpdesk.device.' + value;
  return html`<span class=${bad ? 'check-bad' : 'check-ok'}><span aria-hidden="true">${bad ? '⚠ ' : '✓ '}</span>${t(key)}</span>`;
}

function checks(desk, heading = t('helpdesk.checks')) {
  const members = Object.entries(desk.members || {}).map(([id, m]) => ({ id, ...m }))
    .sort((a, b) => (b.needsHelp - a.needsHelp) || byName(a, b));
  return html`<h3>${heading}</h3>
    <p data-testid="helpdesk-need-help" role="status">${desk.needHelp ? t('helpdesk.needHelp', { n: desk.needHelp }) : t('helpdesk.allGood')}</p>
    <div class="table-scroll" role="region" tabindex="0" aria-label=${t('helpdesk.tableLabel')}>
    <table class="roster" data-testid="helpdesk-checks">
      <thead><tr><th scope="col">${t('helpdesk.col.name')}</th><th scope="col">${t('helpdesk.col.camera')}</th>
        <th scope="col">${t('helpdesk.col.microphone')}</th><th scope="col">${t('helpdesk.col.connection')}</th>
        <th scope="col">${t('helpdesk.col.when')}</th></tr></thead>
      <tbody>${repeat(members, (m) => m.id, (m) => html`<tr data-person=${m.id} data-needs-help=${String(m.needsHelp)}>
        <th scope="row">${m.name}${m.group ? html` <span class="muted">· ${t('phone.group', { n: m.group })}</span>` : ''}
          ${m.needsHelp ? html` <strong class="badge help">${t('helpdesk.needsHelp')}</strong>` : ''}</th>
        ${m.phoneOnly ? html`<td colspan="4">${t('helpdesk.byPhone')}</td>`
          : m.check ? html`<td>${cell(m.check, 'camera')}</td><td>${cell(m.check, 'microphone')}</td>
            <td>${cell(m.check, 'connection')}</td><td>${time(m.check.at)}</td>`
          : html`<td colspan="4" class="muted">${t('helpdesk.notDone')}</td>`}
      </tr>`)}</tbody>
    </table></div>`;
}

export function helpdeskPanel(ctx) {
  const desk = ctx.view.helpdesk;
  if (!desk) return '';
  return html`<section aria-labelledby="helpdesk-title" class="helpdesk" data-testid="helpdesk">
    <h2 id="helpdesk-title">${t('helpdesk.title')}</h2>
    ${calls(ctx, desk)}
    ${checks(desk)}
  </section>`;
}

/** Asks again now and then: a member's check changes no view a facilitator at the plenary receives. */
const MINE_MS = 20000;
let mineTimer = null;

async function askMine(ctx) {
  const ack = await ctx.connection.send('my-members-checks', {}).catch(() => null);
  ctx.ui.mine = ack?.result ?? null;
  ctx.redraw();
}

/** A facilitator outside a round (before the session): the checks of the group they will facilitate. */
export function onPersonal(ctx) {
  const plenaryFacilitator = ctx.me?.role === 'facilitator' && !ctx.steers;
  if (plenaryFacilitator && !mineTimer) {
    askMine(ctx);
    mineTimer = setInterval(() => { if (!ctx.view?.helpdesk) askMine(ctx); }, MINE_MS);
  }
}

export function myMembersPanel(ctx) {
  const mine = ctx.ui.mine;
  if (ctx.view.helpdesk || ctx.steers || ctx.me?.role !== 'facilitator' || !mine?.group) return '';
  return html`<section aria-labelledby="my-members-title" class="helpdesk" data-testid="my-members-checks">
    <h2 id="my-members-title">${t('helpdesk.title')}</h2>
    ${checks(mine, t('helpdesk.myGroup', { n: mine.group }))}
  </section>`;
}

/** Calls for help waiting, in the tab's title. */
export function helpdeskAttention(ctx) {
  const waiting = Object.values(ctx.view?.helpdesk?.calls || {}).filter((c) => !c.answered).length;
  return { count: waiting, what: t('helpdesk.calls') };
}
