// Final ballots. The browser makes a random secret for each ballot and keeps it on this device; the hub derives the
// tracker from it and keeps no link between the member and the choice. After closing, every tracker is published
// with its choice, and the member can find theirs.
import { html, repeat } from '../lib/html.js';
import { t } from '../i18n/i18n.js';
import { levelLabel } from '../poll/results.js';

const key = (assembly, id) => `assembly-hub.${assembly}.ballot.${id}`;
export const myBallot = (assembly, id) => JSON.parse(localStorage.getItem(key(assembly, id)) || 'null');
const SUPPORT = { kind: 'support' };

function newSecret() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function castForm(assembly, id, b, send, redraw) {
  const mineNow = myBallot(assembly, id);
  const onSubmit = (e) => {
    e.preventDefault();
    const levels = b.items.map((_, i) => Number(e.target[`item${i}`].value));
    const secret = newSecret();
    const record = { secret, levels, pending: true, previous: mineNow?.tracker ? mineNow : null };
    localStorage.setItem(key(assembly, id), JSON.stringify(record)); // kept before sending: a lost answer can be found again
    const args = { ballotId: id, levels, secret };
    if (mineNow?.tracker) args.previousSecret = mineNow.secret;
    send('cast-ballot', args).then((ack) => {
      if (ack) localStorage.setItem(key(assembly, id), JSON.stringify({ secret, levels, tracker: ack.result.tracker }));
      else if (mineNow) localStorage.setItem(key(assembly, id), JSON.stringify(mineNow));
      else localStorage.removeItem(key(assembly, id));
      redraw();
    });
  };
  return html`<form class="answer" data-testid="ballot-form" @submit=${onSubmit}>
    ${b.items.map((item, i) => html`<fieldset class="levels"><legend>${item.title}</legend>
      ${[1, 2, 3, 4, 5].map((v) => html`<label class="choice"><input type="radio" name="item${i}" value=${v} required
        ?checked=${mineNow?.levels?.[i] === v}> ${levelLabel(SUPPORT, v)}</label>`)}</fieldset>`)}
    <button type="submit">${mineNow?.tracker ? t('ballot.change') : t('ballot.cast')}</button>
  </form>`;
}

function receipt(mine) {
  return html`<div class="receipt" role="status" data-testid="receipt">
    <p>${t('ballot.recorded')}</p>
    <p class="tracker" data-testid="my-tracker">${mine.tracker}</p>
    <p class="muted">${t('ballot.writeDown')}</p></div>`;
}

function published(assembly, id, b, ui, redraw) {
  const mine = myBallot(assembly, id);
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

export function ballotsPanel(assembly, ballots, drafts, me, send, desk, ui, redraw) {
  const all = Object.entries(ballots || {}).reverse();
  if (all.length === 0 && !(desk && Object.keys(drafts || {}).length)) return '';
  return html`<section aria-labelledby="ballots-title" data-testid="ballots">
    <h2 id="ballots-title">${t('ballot.title')}</h2>
    <p class="muted secrecy">${t('ballot.secrecy')}</p>
    ${repeat(all, ([id]) => id, ([id, b]) => { const mine = myBallot(assembly, id); return html`<article class="ballot" data-testid="ballot-${id}">
      <h3>${b.title}</h3>
      <p class="muted">${t('ballot.turnout', { n: b.turnout, of: b.rollSize })} · ${t('ballot.roll')} <code title=${b.rollFingerprint}>${b.rollFingerprint.slice(0, 12)}…</code>
        · ${t('ballot.head')} <code data-testid="head" title=${b.head}>${b.head.slice(0, 12)}…</code></p>
      ${b.open && me?.role === 'member' ? castForm(assembly, id, b, send, redraw) : ''}
      ${mine?.tracker ? receipt(mine) : ''}
      ${b.open && desk ? html`<button type="button" class="secondary" @click=${() => send('close-ballot', { ballotId: id })}>${t('ballot.close')}</button>` : ''}
      ${b.results ? published(assembly, id, b, ui, redraw) : ''}
    </article>`; })}
    ${desk ? openBallotForm(drafts, send) : ''}
  </section>`;
}
