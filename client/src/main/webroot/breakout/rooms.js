// Breakout rounds: where am I, who is in my group (facilitators), and the lead's desk.
import { html, repeat } from '../lib/html.js';
import { t } from '../i18n/i18n.js';
import { minutesSeconds as clock } from '../lib/time.js';

const byName = (a, b) => a.localeCompare(b, undefined, { numeric: true });

/** The lead and organisers (ctx.steers) get the desk; a facilitator inside their group may extend it. */
export function breakoutPanel(ctx) {
  const breakouts = ctx.view.breakouts;
  const controls = ctx.steers ? ctx : null;
  const groupSend = ctx.facilitating ? ctx.send : null;
  const now = ctx.now;
  if (!breakouts && !controls) return '';
  const mine = breakouts?.myGroup;
  if (mine) {
    const facilitators = [mine.lead, mine.co].filter(Boolean).join(', ');
    return html`<section aria-labelledby="group-title" class="group" data-testid="my-group">
      <h2 id="group-title">${t('breakout.myGroup', { n: mine.number })}</h2>
      ${facilitators ? html`<p>${t('breakout.facilitators', { names: facilitators })}</p>` : ''}
      ${mine.endsAt ? html`<p class="countdown" data-testid="group-countdown">${clock(Date.parse(mine.endsAt) - now)}</p>
        <p>${t('breakout.overtime', { n: mine.extraMinutes })}</p>`
        : mine.extraMinutes ? html`<p>${t('breakout.extended', { n: mine.extraMinutes })}</p>` : ''}
      ${groupSend && breakouts.extensionsAllowed ? html`<div class="controls-row">
        <button type="button" class="secondary" @click=${() => groupSend('extend-group', { minutes: 1 })}>${t('breakout.extend1')}</button>
        <button type="button" class="secondary" @click=${() => groupSend('extend-group', { minutes: 2 })}>${t('breakout.extend2')}</button>
      </div>` : ''}
      ${mine.members ? html`<ul class="presence">${repeat(Object.entries(mine.members), ([id]) => id, ([, m]) => html`
        <li class=${m.online ? 'online' : 'offline'}><span class="dot" aria-hidden="true"></span>${m.name}
          <span class="muted">· ${m.online ? t('presence.online') : t('presence.offline')}</span></li>`)}</ul>`
        : html`<p class="muted">${t('breakout.size', { n: mine.size })}</p>`}
    </section>`;
  }
  if (!controls && !breakouts?.groups) {
    return breakouts?.open ? html`<section class="group"><p>${t('breakout.meeting', { n: breakouts.groupCount })}</p></section>` : '';
  }
  return desk(breakouts, controls);
}

function desk(breakouts, controls) {
  const groups = Object.entries(breakouts?.groups || {}).sort((a, b) => Number(a[0]) - Number(b[0]));
  const q = breakouts?.quality;
  const r = breakouts?.randomBaseline;
  return html`<section aria-labelledby="desk-title" data-testid="breakout-desk">
    <h2 id="desk-title">${t('breakout.desk')}</h2>
    <p>${!breakouts ? t('breakout.none') : breakouts.open ? t('breakout.open', { round: breakouts.round, n: breakouts.groupCount })
      : t('breakout.planned', { round: breakouts.round, n: breakouts.groupCount })}</p>
    ${controls ? html`<div class="controls-row">
      ${!breakouts?.open ? html`<button type="button" class="secondary" @click=${() => controls.send('plan-breakouts', {})}>${t('breakout.plan')}</button>` : ''}
      ${breakouts && !breakouts.open ? html`<button type="button" @click=${() => controls.send('open-breakouts', {})}>${t('breakout.openRooms')}</button>` : ''}
      ${breakouts?.open ? html`<button type="button" @click=${() => controls.send('close-breakouts', {})}>${t('breakout.closeRooms')}</button>
        <button type="button" class="secondary" @click=${() => controls.send('allow-group-extensions', { allowed: !breakouts.extensionsAllowed })}>
          ${breakouts.extensionsAllowed ? t('breakout.forbidExtensions') : t('breakout.allowExtensions')}</button>` : ''}
    </div>` : ''}
    ${controls ? html`<form @submit=${(e) => { e.preventDefault(); controls.send('announce', { text: e.target.text.value }); e.target.reset(); }}>
      <label for="broadcast-text">${t('breakout.broadcast')}</label>
      <textarea id="broadcast-text" name="text" rows="2" maxlength="1000" required></textarea>
      <button type="submit" class="secondary">${t('breakout.broadcastButton')}</button>
    </form>` : ''}
    ${q && r && Object.keys(q.meanDeviation || {}).length ? html`<p class="muted">${t('breakout.quality', {
      deviation: Object.entries(q.meanDeviation).map(([a, v]) => `${a} ${v}`).join(', '),
      random: Object.entries(r.meanDeviation).map(([a, v]) => `${a} ${v}`).join(', '),
      pairs: q.repeatedPairs, randomPairs: r.repeatedPairs })}</p>` : ''}
    ${controls && groups.length > 1 && groups[0][1].members ? html`<form @submit=${(e) => { e.preventDefault();
        controls.send('move-member', { personId: e.target.person.value, group: Number(e.target.group.value) }); }}>
      <label for="move-person">${t('breakout.move')}</label>
      <select id="move-person" name="person">${groups.flatMap(([n, g]) => Object.entries(g.members)
        .map(([id, name]) => html`<option value=${id}>${name} (${t('breakout.group')} ${n})</option>`))}</select>
      <label for="move-group">${t('breakout.moveTo')}</label>
      <select id="move-group" name="group">${groups.map(([n]) => html`<option value=${n}>${t('breakout.group')} ${n}</option>`)}</select>
      <button type="submit" class="secondary">${t('breakout.moveButton')}</button>
    </form>` : ''}
    ${groups.length ? html`<table class="roster"><thead><tr><th scope="col">${t('breakout.group')}</th>
        <th scope="col">${t('breakout.facilitatorsCol')}</th><th scope="col">${t('breakout.presentCol')}</th>
        ${groups[0][1].members ? html`<th scope="col">${t('breakout.membersCol')}</th>` : ''}</tr></thead>
      <tbody>${groups.map(([n, g]) => html`<tr><th scope="row">${n}</th><td>${[g.lead, g.co].filter(Boolean).join(', ')}</td>
        <td>${g.present} / ${g.size}${g.extraMinutes ? ` · +${g.extraMinutes} min` : ''}${g.returned ? ` · ${t('breakout.back')}` : ''}${g.harvested ? ` · ${t('breakout.harvested', { n: g.harvested })}` : ''}</td>${g.members ? html`<td>${Object.values(g.members).sort(byName).join(', ')}</td>` : ''}</tr>`)}</tbody></table>` : ''}
  </section>`;
}
