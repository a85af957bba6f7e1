// Chances as people read them: a percentage in the page's language, and the histogram of everyone's chance as a
// table (each row a range and a count, with a bar drawn beside it) — the same for the organiser and for observers.
import { html } from '../lib/html.js';
import { t } from '../i18n/i18n.js';

/** A probability as a percentage with one decimal, in the page's language ("12,5 %" / "12.5%"). */
export function percent(p) {
  return Number(p ?? 0).toLocaleString(document.documentElement.lang || 'fr',
    { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** How many times the equal share, with two decimals, in the page's language ("2,27" / "2.27"). */
export function times(r) {
  return Number(r ?? 0).toLocaleString(document.documentElement.lang || 'fr',
    { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Twenty bins of [0, 1]: rows up to the last bin anyone is in, so the table stays short. */
export function histogram(bins, testid) {
  const last = Math.max(0, bins.reduce((at, n, i) => (n > 0 ? i : at), 0));
  const most = Math.max(1, ...bins);
  const rows = bins.slice(0, last + 1).map((n, i) => ({ n, from: i / bins.length, to: (i + 1) / bins.length }));
  return html`<table class="histogram" data-testid=${testid}>
    <caption>${t('sortition.histogram.caption')}</caption>
    <thead><tr><th scope="col">${t('sortition.histogram.chance')}</th>
      <th scope="col">${t('sortition.histogram.count')}</th></tr></thead>
    <tbody>${rows.map((r) => html`<tr>
      <th scope="row">${t('sortition.histogram.range', { from: percent(r.from), to: percent(r.to) })}</th>
      <td><progress class="bar" max=${most} .value=${r.n} aria-hidden="true"></progress> ${r.n}</td>
    </tr>`)}</tbody>
  </table>`;
}
