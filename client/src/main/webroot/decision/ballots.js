// Final ballots. The browser makes a random secret for each ballot and keeps it on this device, for this person only;
// the tracker is derived from it (here, and the same way by the hub) and the hub keeps no link between the member and
// the choice. After closing, every tracker is published with its choice, and the member can find theirs.
import { html, repeat } from '../lib/html.js';
import { t } from '../i18n/i18n.js';
import { levelLabel } from '../poll/results.js';
import { recall, remember, forget } from '../lib/device.js';
import { trackerOf } from './tracker.js';

/**
 * This person's record of a ballot on this device: { secret, tracker?, pending?, previous?, hubTracker? }. Never the
 * choice itself: whoever uses the device next could read it (with the tracker, it is on the published list anyway,
 * but not tied to a person).
 */
export const myBallot = (me, id) => recall(me, 'ballot', id);
const SUPPORT = { kind: 'support' };

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
    <p class="tracker" data-testid="my-tracker">${mine.tracker}</p>
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
      <ul class="bars">${r.levels.map((c, l) => html`<li><span class="bar-label">${levelLabel(SUPPORT, l + 1)}</span><span class="bar-count">${c}</span></li>`)}</ul></div>`; })}
    <h4>${t('ballot.find')}</h4>
    <label for="find-${id}">${t('ballot.trackerLabel')}</label>
    <input id="find-${id}" class="link" .value=${query} @input=${(e) => { ui.find = { ...(ui.find || {}), [id]: e.target.value }; redraw(); }}>
    ${query ? (match ? html`<p class="found" data-testid="tracker-found">${t('ballot.found', { status: t('ballot.status.' + match.status) })}:
        ${match.choice.map((v, i) => `${b.items[i].title}: ${levelLabel(SUPPORT, v)}`).join(' · ')}</p>`
      : html`<p class="warning">${t('ballot.notFound')}</p>`) : ''}
    <details><summary>${t('ballot.allTrackers', { n: b.trackers.length })}</summary>
      <table class="trackers"><tr><th>${t('ballot.trackerLabel')}</th><th>${t('ballot.choice')}</th><th>${t('ballot.statusLabel')}</th></tr>
      ${b.trackers.map((x) => html`<tr class=${x.tracker === mine?.tracker ? 'mine' : ''}><td>${x.tracker}</td><td>${x.choice.join(', ')}</td><td>${t('ballot.status.' + x.status)}</td></tr>`)}</table></details>
    <p><a href="/api/assemblies/${assembly}/ballots/${id}/record.json">${t('ballot.record')}</a></p>`;
}

function openBallotForm(drafts, send) {
  const all = Object.entries(drafts || {}).filter(([, d]) => !d.underVote);
  if (all.length === 0) return '';
  return html`<details class="desk"><summary>${t('ballot.new')}</summary><form data-testid="new-ballot" @submit=${(e) => { e.preventDefault();
      const draftIds = [...e.target.querySelectorAll('input[name=draft]:checked')].map((x) => x.value);
      send('open-ballot', { title: e.target.title.value, draftIds }).then((ack) => ack && e.target.reset()); }}>
    <label for="bal-title">${t('ballot.titleLabel')}</label><input id="bal-title" name="title" class="link" maxlength="200" required>
    <fieldset><legend>${t('ballot.drafts')}</legend>${all.map(([id, d]) => html`<label class="choice"><input type="checkbox" name="draft" value=${id}> ${d.title}</label>`)}</fieldset>
    <p class="muted">${t('ballot.defaultRule')}</p>
    <button type="submit">${t('ballot.open')}</button></form></details>`;
}

/**
 * Members cast; the lead and organisers (ctx.steers) open and close ballots. ctx.report shows a problem that is not a
 * command's refusal (the tracker could not be computed).
 */
export function ballotsPanel(ctx) {
  const { assemblyId: assembly, view, me, send, steers: desk, ui, redraw, report } = ctx;
  const { ballots, drafts } = view;
  const all = Object.entries(ballots || {}).reverse();
  if (all.length === 0 && !(desk && Object.keys(drafts || {}).length)) return '';
  return html`<section aria-labelledby="ballots-title" data-testid="ballots">
    <h2 id="ballots-title">${t('ballot.title')}</h2>
    <p class="muted secrecy">${t('ballot.secrecy')}</p>
    ${repeat(all, ([id]) => id, ([id, b]) => { const mine = myBallot(me, id); return html`<article class="ballot" data-testid="ballot-${id}">
      <h3>${b.title}</h3>
      <p class="muted">${t('ballot.turnout', { n: b.turnout, of: b.rollSize })} · ${t('ballot.roll')} <code title=${b.rollFingerprint}>${b.rollFingerprint.slice(0, 12)}…</code>
        · ${t('ballot.head')} <code data-testid="head" title=${b.head}>${b.head.slice(0, 12)}…</code></p>
      ${b.open && me?.role === 'member' ? castForm(me, id, b, send, redraw, report) : ''}
      ${mine?.tracker && !mine.pending ? receipt(mine) : ''}
      ${b.open && desk ? html`<button type="button" class="secondary" @click=${() => send('close-ballot', { ballotId: id })}>${t('ballot.close')}</button>` : ''}
      ${b.results ? published(assembly, me, id, b, ui, redraw) : ''}
    </article>`; })}
    ${desk ? openBallotForm(drafts, send) : ''}
  </section>`;
}
