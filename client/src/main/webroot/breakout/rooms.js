// Breakout rounds: where am I, who is in my group (facilitators); the lead's desk (every group at a glance, a tile
// each, joining a group's call and workspace); the round's controls and the broadcast in the steering strip.
import { html, repeat } from '../lib/html.js';
import { t, locale } from '../i18n/i18n.js';
import { minutesSeconds as clock } from '../lib/time.js';
import { chime } from '../lib/attention.js';
import { announce } from '../lib/announce.js';

const byName = (a, b) => a.localeCompare(b, undefined, { numeric: true });

/** The groups of the round in number order: [number, group]. */
const groupsOf = (breakouts) => Object.entries(breakouts?.groups || {}).sort((a, b) => Number(a[0]) - Number(b[0]));

/** Groups calling for help: from the desk's groups (help), or the harvest board's calls. */
export function helpCalls(view) {
  const calls = new Set(Object.keys(view?.harvest?.helpCalls || {}));
  for (const [n, g] of groupsOf(view?.breakouts)) if (g.help) calls.add(n);
  return [...calls].sort((a, b) => Number(a) - Number(b));
}

/** Inside a group: my group. In the plenary, for those who do not steer: that the groups meet. */
export function breakoutPanel(ctx) {
  const breakouts = ctx.view.breakouts;
  const groupSend = ctx.facilitating ? ctx.send : null;
  const now = ctx.now;
  const mine = breakouts?.myGroup;
  if (mine) {
    const facilitators = [mine.lead, mine.co].filter(Boolean).join(', ');
    const visiting = Boolean(ctx.me?.personId && mine.visitors?.[ctx.me.personId]);
    const visitors = Object.entries(mine.visitors || {}).filter(([id]) => id !== ctx.me?.personId).map(([, name]) => name);
    return html`<section aria-labelledby="group-title" class="group" data-testid="my-group">
      <h2 id="group-title">${t('breakout.myGroup', { n: mine.number })}</h2>
      ${visiting && !ctx.steers ? leaveGroupButton(ctx) : ''}
      ${facilitators ? html`<p>${t('breakout.facilitators', { names: facilitators })}</p>` : ''}
      ${visitors.length ? html`<p class="muted" data-testid="group-visitors">${t('desk.visitors', { names: visitors.sort(byName).join(', ') })}</p>` : ''}
      ${mine.endsAt ? html`<p class="countdown" data-testid="group-countdown">${clock(Date.parse(mine.endsAt) - now)}</p>
        <p>${t('breakout.overtime', { n: mine.extraMinutes })}</p>`
        : mine.extraMinutes ? html`<p>${t('breakout.extended', { n: mine.extraMinutes })}</p>` : ''}
      ${groupSend && breakouts.extensionsAllowed && !visiting ? html`<div class="controls-row">
        <button type="button" class="secondary" @click=${(e) => groupSend('extend-group', { minutes: 1 }, { near: e.currentTarget })}>${t('breakout.extend1')}</button>
        <button type="button" class="secondary" @click=${(e) => groupSend('extend-group', { minutes: 2 }, { near: e.currentTarget })}>${t('breakout.extend2')}</button>
      </div>` : ''}
      ${mine.members ? html`<ul class="presence">${repeat(Object.entries(mine.members), ([id]) => id, ([, m]) => html`
        <li class=${m.online ? 'online' : 'offline'}><span class="dot" aria-hidden="true"></span>${m.name}
          <span class="muted">· ${m.online ? t('presence.online') : m.phoneOnly ? t('presence.byPhone') : t('presence.offline')}</span></li>`)}</ul>`
        : html`<p class="muted">${t('breakout.size', { n: mine.size })}</p>`}
    </section>`;
  }
  if (ctx.steers || breakouts?.groups) return '';
  if (!breakouts?.open) return '';
  // An expert may step into any group to answer its questions (as a guest), and come back.
  const expert = ctx.me?.role === 'expert';
  return html`<section class="group" data-testid="groups-meeting"><p>${t('breakout.meeting', { n: breakouts.groupCount })}</p>
    ${expert ? html`<div class="controls-row">${Array.from({ length: breakouts.groupCount }, (_, i) => i + 1).map((n) => html`
      <button type="button" class="secondary" @click=${(e) => ctx.send('visit-group', { group: n }, { near: e.currentTarget })}>
        ${t('desk.joinLabel', { n })}</button>`)}</div>` : ''}
  </section>`;
}

function leaveGroupButton(ctx) {
  return html`<button type="button" class="leave-group" data-testid="leave-group"
    @click=${(e) => ctx.send('leave-group', {}, { near: e.currentTarget })}>${t('desk.leave')}</button>`;
}

/**
 * The desk: for the lead and organisers (ctx.steers), and for facilitators at the plenary (counts, no names), every
 * group as a tile: who is there, time left, hands, a help call, speaking balance, cards, visitors, and "Join".
 */
export function deskPanel(ctx) {
  const breakouts = ctx.view.breakouts;
  if (breakouts?.myGroup) return '';
  if (!ctx.steers && !breakouts?.groups) return '';
  const groups = groupsOf(breakouts);
  const calls = new Set(helpCalls(ctx.view));
  const roundEnd = roundEndsAt(ctx);
  // A facilitator at the plenary while groups meet has no group this round: they may visit one too.
  const mayVisit = breakouts?.open && (ctx.steers || ctx.me?.role === 'facilitator');
  return html`<section aria-labelledby="desk-title" data-testid="breakout-desk" class="desk">
    <h2 id="desk-title">${t('breakout.desk')}</h2>
    <p>${!breakouts?.groupCount ? t('breakout.none') : breakouts.open ? t('breakout.open', { round: breakouts.round, n: breakouts.groupCount })
      : t('breakout.planned', { round: breakouts.round, n: breakouts.groupCount })}
      ${calls.size ? html` <strong class="badge help" data-testid="desk-help-count">${t('desk.helpCount', { n: calls.size })}</strong>` : ''}</p>
    ${groups.length ? html`<p class="muted desk-legend">${t('desk.legend')}</p>
    <ul class="desk-tiles" data-testid="desk-tiles">${repeat(groups, ([n]) => n, ([n, g]) => tile(ctx, n, g, {
      help: calls.has(n), roundEnd, mayVisit }))}</ul>` : ''}
    ${ctx.steers ? qualityText(breakouts?.quality, breakouts?.randomBaseline, breakouts?.coverage) : ''}
    ${ctx.steers ? moveForm(ctx, groups) : ''}
  </section>`;
}

/** When the round ends for a group: its own end when it runs over, else the breakouts segment's (ms, or paused). */
function roundEndsAt(ctx) {
  const running = ctx.view.session?.running;
  if (!running || running.segment?.kind !== 'breakouts') return null;
  return running.paused ? { paused: running.remainingMs } : { at: Date.parse(running.endsAt) };
}

function timeLeft(ctx, g, roundEnd) {
  if (g.returned) return t('breakout.back');
  if (g.endsAt) return clock(Date.parse(g.endsAt) - ctx.now);
  if (!roundEnd) return null;
  return roundEnd.paused !== undefined ? `${clock(roundEnd.paused)} (${t('session.paused')})` : clock(roundEnd.at - ctx.now);
}

function stat(icon, value, words, testid) {
  return html`<span class="stat" data-testid=${testid}><span aria-hidden="true">${icon}</span> ${value}<span class="visually-hidden"> ${words}</span></span>`;
}

function tile(ctx, n, g, { help, roundEnd, mayVisit }) {
  const facilitators = [g.lead, g.co].filter(Boolean).join(', ');
  const left = timeLeft(ctx, g, roundEnd);
  const members = g.members ? Object.values(g.members).sort(byName) : [];
  const visitors = Object.values(g.visitors || {}).sort(byName);
  const join = (e) => ctx.send('visit-group', { group: Number(n) }, { near: e.currentTarget });
  const answerAndJoin = async (e) => {
    const near = e.currentTarget;
    await ctx.send('answer-help', { group: Number(n) }, { near });
    ctx.send('visit-group', { group: Number(n) }, { near });
  };
  return html`<li class="desk-tile ${help ? 'help' : ''}" data-testid="desk-tile" data-group=${n}
      aria-labelledby="tile-${n}">
    <h3 id="tile-${n}">${t('breakout.group')} ${n}${help ? html` <span class="badge help" data-testid="help-badge">${t('desk.help')}</span>` : ''}</h3>
    ${facilitators ? html`<p class="tile-line">${facilitators}</p>` : ''}
    <p class="tile-line stats">
      ${stat('👥', `${g.present ?? 0}/${g.size ?? 0}`, t('desk.present'), 'tile-present')}
      ${left ? stat('⏱', left, t('desk.left'), 'tile-left') : ''}
      ${g.hands !== undefined ? stat('✋', g.hands, t('desk.hands'), 'tile-hands') : ''}
      ${g.harvested !== undefined ? stat('🃏', g.harvested, t('desk.cards'), 'tile-cards') : ''}
      ${g.extraMinutes ? html`<span class="stat">+${g.extraMinutes} min</span>` : ''}
    </p>
    ${g.speakers !== undefined ? html`<p class="tile-line" data-testid="tile-speaking">${g.speakers === 0
      ? t('desk.nobodySpoke') : t('desk.speaking', { n: g.speakers, size: g.size ?? 0, share: g.topShare ?? 0 })}</p>` : ''}
    ${visitors.length ? html`<p class="tile-line" data-testid="tile-visitors">${t('desk.visitors', { names: visitors.join(', ') })}</p>` : ''}
    ${members.length ? html`<details class="tile-members"><summary>${t('desk.members', { n: members.length })}</summary>
      <p>${members.join(', ')}</p></details>` : ''}
    ${mayVisit ? html`<div class="tile-actions">${help && ctx.steers
      ? html`<button type="button" data-testid="answer-join" @click=${answerAndJoin}>${t('desk.answerJoin', { n })}</button>`
      : html`<button type="button" class="secondary" data-testid="join-group" @click=${join}
          aria-label=${t('desk.joinLabel', { n })}>${t('desk.join')}</button>`}</div>` : ''}
  </li>`;
}

/**
 * The allocation's quality in words: groups that have nobody of a kind ("2 groups have nobody from the north; a random
 * split would leave 4.6"), how closely groups mirror the assembly, against a random split.
 */
function qualityText(q, r, coverage = []) {
  const attributes = Object.keys(q?.meanDeviation || {});
  if (!attributes.length && !coverage.length) return '';
  const number = new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 });
  const missing = coverage.map((c) => t(c.without ? 'desk.quality.without' : 'desk.quality.everyGroup', {
    n: c.without, value: c.value, attribute: c.attribute, random: number.format(c.random) }));
  const random = (a) => r?.meanDeviation?.[a];
  const sentences = attributes.map((a) => {
    const ours = q.meanDeviation[a];
    const chance = random(a);
    const base = ours === 0 ? t('desk.quality.exact', { attribute: a })
      : t('desk.quality.close', { attribute: a, n: number.format(ours) });
    return chance === undefined ? base : `${base} ${t('desk.quality.random', { n: number.format(chance) })}`;
  });
  // Better than chance: never worse on any attribute, and better on one at least.
  const better = attributes.every((a) => random(a) === undefined || q.meanDeviation[a] <= random(a))
    && attributes.some((a) => random(a) !== undefined && q.meanDeviation[a] < random(a));
  const pairs = q.repeatedPairs === 0 && !r?.repeatedPairs ? '' : q.repeatedPairs === 0
    ? t('desk.quality.noPairs', { random: r?.repeatedPairs ?? 0 })
    : t('desk.quality.pairs', { n: q.repeatedPairs, random: r?.repeatedPairs ?? 0 });
  return html`<div class="quality" data-testid="desk-quality">
    <p><strong>${better ? t('desk.quality.better') : t('desk.quality.title')}</strong></p>
    <ul>${[...missing, ...sentences].map((s) => html`<li>${s}</li>`)}${pairs ? html`<li>${pairs}</li>` : ''}</ul>
  </div>`;
}

function moveForm(ctx, groups) {
  if (groups.length < 2 || !groups[0][1].members) return '';
  const names = Object.fromEntries(groups.flatMap(([, g]) => Object.entries(g.members)));
  return html`<details class="move"><summary>${t('breakout.move')}</summary>
    <form @submit=${(e) => {
      e.preventDefault();
      const personId = e.target.person.value;
      const group = Number(e.target.group.value);
      ctx.sendLater(t('desk.move.pending', { name: names[personId] ?? personId, n: group }), 'move-member',
        { personId, group }, { near: e.target });
    }}>
      <label for="move-person">${t('breakout.move')}</label>
      <select id="move-person" name="person">${groups.flatMap(([n, g]) => Object.entries(g.members)
        .map(([id, name]) => html`<option value=${id}>${name} (${t('breakout.group')} ${n})</option>`))}</select>
      <label for="move-group">${t('breakout.moveTo')}</label>
      <select id="move-group" name="group">${groups.map(([n]) => html`<option value=${n}>${t('breakout.group')} ${n}</option>`)}</select>
      <button type="submit" class="secondary">${t('breakout.moveButton')}</button>
    </form></details>`;
}

/** The steering strip's part: the round (plan, open, bring back), extensions, the broadcast; leaving a visited group. */
export function roundControls(ctx) {
  if (!ctx.steers) return '';
  const breakouts = ctx.view.breakouts;
  const mine = breakouts?.myGroup;
  const visiting = Boolean(mine && ctx.me?.personId && mine.visitors?.[ctx.me.personId]);
  const send = (name, args) => (e) => ctx.send(name, args, { near: e.currentTarget });
  return html`${visiting ? html`<div class="controls-row">${leaveGroupButton(ctx)}</div>` : ''}
    <div class="controls-row" role="group" aria-label=${t('desk.round')} data-testid="round-controls">
      ${!breakouts?.open ? html`<button type="button" class="secondary" @click=${send('plan-breakouts', {})}>${t('breakout.plan')}</button>` : ''}
      ${breakouts?.groupCount && !breakouts.open ? html`<button type="button" @click=${send('open-breakouts', {})}>${t('breakout.openRooms')}</button>` : ''}
      ${breakouts?.open ? html`<button type="button" data-testid="close-groups"
          @click=${(e) => ctx.sendLater(t('desk.close.pending'), 'close-breakouts', {}, { near: e.currentTarget })}>${t('breakout.closeRooms')}</button>
        ${breakouts.extensionsAllowed !== undefined ? html`<button type="button" class="secondary"
          @click=${send('allow-group-extensions', { allowed: !breakouts.extensionsAllowed })}>
          ${breakouts.extensionsAllowed ? t('breakout.forbidExtensions') : t('breakout.allowExtensions')}</button>` : ''}` : ''}
    </div>
    <form class="broadcast" data-testid="broadcast" @submit=${(e) => {
      e.preventDefault();
      const form = e.target;
      ctx.send('announce', { text: form.text.value }, { near: form }).then((ack) => ack && form.reset());
    }}>
      <label for="broadcast-text">${t('breakout.broadcast')}</label>
      <div class="broadcast-row">
        <textarea id="broadcast-text" name="text" rows="1" maxlength="1000" required></textarea>
        <button type="submit" class="secondary">${t('breakout.broadcastButton')}</button>
      </div>
    </form>`;
}

/** For the tab's title: groups calling for help, for those who answer them. */
export function deskAttention(ctx) {
  if (!ctx.steers) return null;
  const count = helpCalls(ctx.view).length;
  return { count, what: t('desk.helpTitle') };
}

let heard = new Set(); // the help calls already announced by a sound

/** A new help call plays a short sound and is said to screen readers (the badge and the title say it too). */
export function listenForHelp(ctx) {
  if (!ctx.steers) return;
  const calls = helpCalls(ctx.view);
  const fresh = calls.filter((n) => !heard.has(n));
  if (fresh.length) chime();
  for (const n of fresh) announce(t('desk.helpCall.said', { n }));
  heard = new Set(calls);
}
