// Final ballots. The browser makes a random secret for each ballot and keeps it on this device, for this person only;
// the tracker is derived from it (here, and the same way by the hub) and the hub keeps no link between the member and
// the choice. After closing, every tracker is published with its choice, and the member can find theirs.
import { html, repeat } from '../lib/html.js';
import { t, locale } from '../i18n/i18n.js';
import { bars, levelLabel } from '../poll/results.js';
import { ruleParts, ruleSentences } from '../poll/rules.js';
import { recall, remember, forget } from '../lib/device.js';
import { trackerOf } from './tracker.js';
import { eligibility } from './eligibility.js';

/**
 * This person's record of a ballot on this device: { secret, tracker?, pending?, previous?, hubTracker? }. Never the
 * choice itself: whoever uses the device next could read it (with the tracker, it is on the published list anyway,
 * but not tied to a person).
 */
export const myBallot = (me, id) => recall(me, 'ballot', id);
const SUPPORT = { kind: 'support' };
/** The hub's default rule (AdoptionRule.DEFAULT), stated when a ballot is opened without one and the assembly has none. */
const DEFAULT_RULE = { threshold: '4/5', base: 'valid-votes', quorum: '2/3', block: 'discuss', anotherRoundAt: '1/5' };

/** A tracker in its groups (7K2P-QX4M-9RTD): a line may break between groups, never inside one. */
export function trackerCode(tracker) {
  const groups = String(tracker).split('-');
  return html`<span class="code">${groups.map((g, i) => html`<span class="code-group">${g}${i < groups.length - 1 ? '-' : ''}</span>${i < groups.length - 1 ? html`<wbr>` : ''}`)}</span>`;
}

const itemChoice = (b, i, v) => t('ballot.itemChoice', { item: b.items[i]?.title ?? i + 1, choice: levelLabel(SUPPORT, v) });

/** A published choice by its labels: one item reads "Support", several "Cycle lanes: Support", one to a line. */
function choiceText(b, choice) {
  if (choice.length === 1) return levelLabel(SUPPORT, choice[0]);
  return html`<ul class="choices">${choice.map((v, i) => html`<li>${itemChoice(b, i, v)}</li>`)}</ul>`;
}

function ruleText(rule) {
  return html`<p class="rule" data-testid="rule"><strong>${t('rule.label')}</strong> ${ruleSentences(rule, { scale: 'support' }, t).join(' ')}</p>`;
}

function time(iso) {
  return iso ? new Date(iso).toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit' }) : '';
}

/** Why this person cannot vote, said before any form; '' when they can (or when a receipt says they did here). */
function reasonNotToVote(status, me, b) {
  const say = (text) => html`<p class="eligibility" role="status" data-testid="eligibility">${text}</p>`;
  switch (status) {
    case 'observer': return say(t('ballot.observer'));
    case 'not-member': return say(t('ballot.notMember', { role: t('role.' + me.role) }));
    case 'not-on-roll': return say(t('ballot.notOnRoll', { time: time(b.openedAt) }));
    case 'voted-elsewhere': return say(t('ballot.votedElsewhere'));
    case 'checking': return html`<p class="muted" role="status" data-testid="eligibility-checking">${t('ballot.checking')}</p>`;
    default: return '';
  }
}

function newSecret() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Casts (or changes) a vote. The record is kept before sending, so an answer lost with the connection can be found
 * again by its secret (receipts.js asks the hub with find-receipt). If the hub's answer still carries a tracker, it must be
 * the one computed here; a different one is shown as a warning.
 */
async function cast(me, id, levels, send, report) {
  const mineNow = myBallot(me, id);
  const secret = newSecret();
  let tracker;
  try {
    tracker = await trackerOf(id, secret);
  } catch (e) {
    report({ code: 'no-tracker', message: t('ballot.noTracker') });
    return;
  }
  remember(me, 'ballot', id, { secret, tracker, pending: true, previous: mineNow?.tracker && !mineNow.pending ? mineNow : null });
  const args = { ballotId: id, levels, secret };
  if (mineNow?.tracker && !mineNow.pending) args.previousSecret = mineNow.secret;
  const ack = await send('cast-ballot', args);
  if (ack) {
    const hubTracker = ack.result?.tracker;
    remember(me, 'ballot', id, { secret, tracker, ...(hubTracker && hubTracker !== tracker ? { hubTracker } : {}) });
  } else if (mineNow) remember(me, 'ballot', id, mineNow);
  else forget(me, 'ballot', id);
}

function castForm(me, id, b, send, redraw, report) {
  const mineNow = myBallot(me, id);
  const onSubmit = (e) => {
    e.preventDefault();
    const levels = b.items.map((_, i) => Number(e.target[`item${i}`].value));
    cast(me, id, levels, send, report).then(redraw);
  };
  return html`<form class="answer" data-testid="ballot-form" @submit=${onSubmit}>
    ${b.items.map((item, i) => html`<fieldset class="levels"><legend>${item.title}</legend>
      ${[1, 2, 3, 4, 5].map((v) => html`<label class="choice"><input type="radio" name="item${i}" value=${v} required>
        ${levelLabel(SUPPORT, v)}</label>`)}</fieldset>`)}
    <button type="submit">${mineNow?.tracker && !mineNow.pending ? t('ballot.change') : t('ballot.cast')}</button>
  </form>`;
}

function receipt(mine) {
  return html`<div class="receipt" role="status" data-testid="receipt">
    <p>${t('ballot.recorded')}</p>
    <p class="tracker" data-testid="my-tracker">${trackerCode(mine.tracker)}</p>
    <p class="muted">${t('ballot.writeDown')}</p>
    ${mine.hubTracker ? html`<p class="warning" role="alert" data-testid="tracker-mismatch">${t('ballot.trackerMismatch', { hub: mine.hubTracker })}</p>` : ''}</div>`;
}

function published(assembly, me, id, b, ui, redraw) {
  const mine = myBallot(me, id);
  const query = (ui.find?.[id] ?? mine?.tracker ?? '').toUpperCase().trim();
  const match = query ? b.trackers.find((x) => x.tracker === query) : null;
  return html`<h4>${t('ballot.results')}</h4>
    ${b.items.map((item, i) => { const r = b.results[i]; return html`<div class="item-result" data-testid="ballot-result">
      <p><strong>${item.title}</strong> — <span class="outcome ${r.outcome}">${t('outcome.' + r.outcome)}</span>
        (${t('ballot.supportOf', { support: r.support, base: r.base })})</p>
      ${bars(r.levels.map((_, l) => levelLabel(SUPPORT, l + 1)), r.levels)}</div>`; })}
    <h4>${t('ballot.find')}</h4>
    <label for="find-${id}">${t('ballot.trackerLabel')}</label>
    <input id="find-${id}" class="link" .value=${query} @input=${(e) => { ui.find = { ...(ui.find || {}), [id]: e.target.value }; redraw(); }}>
    ${query ? (match ? html`<p class="found" data-testid="tracker-found">${t('ballot.found', { status: t('ballot.status.' + match.status) })}
        ${match.choice.map((v, i) => itemChoice(b, i, v)).join(' · ')}</p>`
      : html`<p class="warning">${t('ballot.notFound')}</p>`) : ''}
    <details><summary>${t('ballot.allTrackers', { n: b.trackers.length })}</summary>
      <div class="table-room"><table class="trackers" data-testid="trackers"><caption class="visually-hidden">${t('ballot.allTrackers', { n: b.trackers.length })}</caption>
      <thead><tr><th scope="col">${t('ballot.trackerLabel')}</th><th scope="col">${t('ballot.choice')}</th><th scope="col">${t('ballot.statusLabel')}</th></tr></thead>
      <tbody>${b.trackers.map((x) => html`<tr class=${x.tracker === mine?.tracker ? 'mine' : ''}><td class="code-cell">${x.tracker}</td>
        <td data-testid="tracker-choice">${choiceText(b, x.choice)}</td><td>${t('ballot.status.' + x.status)}</td></tr>`)}</tbody></table></div></details>
    <p><a href="/api/assemblies/${assembly}/ballots/${id}/record.json">${t('ballot.record')}</a></p>`;
}

/** The assembly's rule for ballots opened without one (view.ballotRule, set by its organisers), else the hub's. */
function openBallotForm(drafts, send, defaultRule) {
  const all = Object.entries(drafts || {}).filter(([, d]) => !d.underVote);
  if (all.length === 0) return '';
  return html`<details class="desk"><summary>${t('ballot.new')}</summary><form data-testid="new-ballot" @submit=${(e) => { e.preventDefault();
      const draftIds = [...e.target.querySelectorAll('input[name=draft]:checked')].map((x) => x.value);
      send('open-ballot', { title: e.target.title.value, draftIds }).then((ack) => ack && e.target.reset()); }}>
    <label for="bal-title">${t('ballot.titleLabel')}</label><input id="bal-title" name="title" class="link" maxlength="200" required>
    <fieldset><legend>${t('ballot.drafts')}</legend>${all.map(([id, d]) => html`<label class="choice"><input type="checkbox" name="draft" value=${id}> ${d.title}</label>`)}</fieldset>
    ${ruleText(defaultRule ? ruleParts(defaultRule.ruleParts, defaultRule.rule) : DEFAULT_RULE)}
    <button type="submit">${t('ballot.open')}</button></form></details>`;
}

/**
 * Members cast; the lead and organisers (ctx.steers) open and close ballots. ctx.report shows a problem that is not a
 * command's refusal (the tracker could not be computed).
 */
export function ballotsPanel(ctx) {
  const { assemblyId: assembly, view, me, send, steers: desk, ui, redraw, report } = ctx;
  const rule = (b) => ruleParts(b.ruleParts, b.rule);
  const { ballots, drafts } = view;
  const all = Object.entries(ballots || {}).reverse();
  if (all.length === 0 && !(desk && Object.keys(drafts || {}).length)) return '';
  return html`<section aria-labelledby="ballots-title" data-testid="ballots">
    <h2 id="ballots-title">${t('ballot.title')}</h2>
    <p class="muted secrecy">${t('ballot.secrecy')}</p>
    ${repeat(all, ([id]) => id, ([id, b]) => { const mine = myBallot(me, id); const status = eligibility(ctx, id, b, mine);
      return html`<article class="ballot" data-testid="ballot-${id}">
      <h3>${b.title}</h3>
      ${rule(b) ? ruleText(rule(b)) : ''}
      <p class="muted">${t('ballot.turnout', { n: b.turnout, of: b.rollSize })} · ${t('ballot.roll')} <code title=${b.rollFingerprint}>${b.rollFingerprint.slice(0, 12)}…</code>
        · ${t('ballot.head')} <code data-testid="head" title=${b.head}>${b.head.slice(0, 12)}…</code></p>
      ${b.open ? reasonNotToVote(status, me, b) : ''}
      ${b.open && ['eligible', 'voted-here', 'unknown'].includes(status) ? castForm(me, id, b, send, redraw, report) : ''}
      ${mine?.tracker && !mine.pending ? receipt(mine) : ''}
      ${b.open && desk ? html`<button type="button" class="secondary" @click=${() => send('close-ballot', { ballotId: id })}>${t('ballot.close')}</button>` : ''}
      ${b.results ? published(assembly, me, id, b, ui, redraw) : ''}
    </article>`; })}
    ${desk ? openBallotForm(drafts, send, view.ballotRule) : ''}
  </section>`;
}
