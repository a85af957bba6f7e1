// How a poll's results read on screen: bars with numbers (never colour alone), the Schulze order, a word list,
// agreement levels with the outcome under the rule.
import { html } from '../lib/html.js';
import { t } from '../i18n/i18n.js';
import { outcomeReason, ruleParts } from './rules.js';

export const AGREEMENT = { gradients: [1, 8], fist: [0, 5], consent: [1, 4], support: [1, 5] };

/** The label of an agreement level: the poll's own labels, or the standard ones. */
export function levelLabel(poll, level) {
  const first = AGREEMENT[poll.kind][0];
  return poll.labels?.[level - first] ?? t(`level.${poll.kind}.${level}`);
}

/** A scale's value as shown next to it: the number, with its meaning when the poll gives one (its ends, or every point). */
export function scaleLabel(poll, value) {
  const labels = poll.labels || [];
  const points = poll.scaleMax - poll.scaleMin + 1;
  let label = labels.length === points ? labels[value - poll.scaleMin] : null;
  if (!label && labels.length >= 2 && labels.length !== points) {
    if (value === poll.scaleMin) label = labels[0];
    else if (value === poll.scaleMax) label = labels[labels.length - 1];
  }
  return label ? t('poll.scaleEnd', { value, label }) : String(value);
}

/**
 * Counts as bars: each with its number and share as text (the bar itself is hidden from screen readers), a 0 as an
 * empty track. Ballots show theirs the same way.
 */
export function bars(labels, counts) {
  const total = counts.reduce((a, b) => a + b, 0);
  return html`<ul class="bars">${labels.map((label, i) => html`<li>
    <span class="bar-label">${label}</span>
    <progress class="bar" max=${total || 1} .value=${counts[i]} aria-hidden="true"></progress>
    <span class="bar-count"><strong data-testid="count">${counts[i]}</strong>
      <span class="bar-share">${t('poll.percent', { n: total ? Math.round((counts[i] / total) * 100) : 0 })}</span></span></li>`)}</ul>`;
}

export function resultsView(poll, results) {
  if (!results) return html`<p class="muted" data-testid="hidden-results">${t('poll.hidden', { n: poll.answered })}</p>`;
  const kind = poll.kind;
  const quorum = results.quorumReached === undefined ? ''
    : html`<p class="muted" data-testid="quorum">${t(results.quorumReached ? 'poll.quorumReached' : 'poll.quorumMissed', { q: poll.quorum })}</p>`;
  if (kind === 'single' || kind === 'multiple') return html`${bars(poll.options, results.counts)}${quorum}`;
  if (kind === 'scale') {
    const labels = results.counts.map((_, i) => scaleLabel(poll, poll.scaleMin + i));
    return html`${bars(labels, results.counts)}${results.mean !== undefined
      ? html`<p>${t('poll.mean', { mean: results.mean, median: results.median })}</p>` : ''}`;
  }
  if (kind === 'ranking') {
    return html`<ol class="ranking" data-testid="schulze">${(results.schulze || []).map((tier) =>
      html`<li>${tier.map((i) => poll.options[i]).join(' = ')}</li>`)}</ol>
      <p class="muted">${t('poll.borda')}: ${poll.options.map((o, i) => `${o} ${results.borda[i]}`).join(' · ')}</p>
      <details><summary>${t('poll.pairwise')}</summary><table class="pairwise"><tr><th></th>${poll.options.map((o) => html`<th>${o}</th>`)}</tr>
        ${results.pairwise.map((row, i) => html`<tr><th>${poll.options[i]}</th>${row.map((v, j) => html`<td>${i === j ? '—' : v}</td>`)}</tr>`)}</table></details>`;
  }
  if (kind === 'text') {
    const max = Math.max(1, ...(results.words || []).map((w) => w.count));
    return html`<p class="cloud">${(results.words || []).map((w) => html`<span class="size-${Math.ceil((w.count / max) * 4)}">${w.word}<sup>${w.count}</sup></span> `)}</p>
      ${results.texts ? html`<details><summary>${t('poll.allAnswers')}</summary><ul>${results.texts.map((x) => html`<li>${x}</li>`)}</ul></details>` : ''}`;
  }
  const [first] = AGREEMENT[kind];
  return html`${bars(results.levels.map((_, i) => levelLabel(poll, first + i)), results.levels)}
    ${results.outcome ? html`<p class="outcome ${results.outcome}" data-testid="outcome"><strong>${t('outcome.' + results.outcome)}</strong> —
      ${outcomeReason(ruleParts(poll.ruleParts, poll.rule), results, poll.eligible, t)}</p>` : ''}
    ${results.reasons?.length ? html`<h4>${t('poll.reasons')}</h4><ul class="reasons">${results.reasons.map((r) =>
      html`<li><span class="muted">${levelLabel(poll, r.level)}${r.group ? ' · ' + t('group.number', { n: r.group }) : ''}:</span> ${r.text}</li>`)}</ul>` : ''}`;
}
