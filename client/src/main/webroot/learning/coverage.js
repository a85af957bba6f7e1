// The coverage hint: whom the top of the queue speaks for. Per group: questions asked, upvotes given, questions in
// the top N; the groups with none there, said in a sentence; for the lead and organisers, the same per roster
// attribute value (counts only). The server computes it (qa.coverage); this says it.
import { html } from '../lib/html.js';
import { t, locale } from '../i18n/i18n.js';

/** "3 et 7", "3, 5 and 7": numbers joined as the person's language does. */
function listOf(numbers) {
  const words = numbers.map(String);
  try {
    return new Intl.ListFormat(locale(), { style: 'long', type: 'conjunction' }).format(words);
  } catch (e) {
    return words.join(', ');
  }
}

/** The sentence about the groups with nothing in the top N. */
export function withoutSentence(coverage) {
  const without = coverage.without || [];
  const top = coverage.top ?? 5;
  if (!coverage.groups?.length) return '';
  if (!without.length) return t('learn.staff.coverage.allIn', { top });
  if (without.length === coverage.groups.length) return t('learn.staff.coverage.noneIn', { top });
  return without.length === 1 ? t('learn.staff.coverage.oneWithout', { group: without[0], top })
    : t('learn.staff.coverage.manyWithout', { groups: listOf(without), top });
}

export function coverageHint(coverage, queued) {
  // Before anyone asked, there is nothing to say about whom the queue speaks for.
  if (!coverage || (!queued && !(coverage.groups || []).some((g) => g.asked > 0))) return '';
  const top = coverage.top ?? 5;
  const sentence = withoutSentence(coverage);
  return html`<div class="learn-coverage" data-testid="learn-coverage">
    <h3>${t('learn.staff.coverage.title')}</h3>
    ${sentence ? html`<p class="learn-coverage-sentence" data-testid="learn-coverage-sentence"><strong>${sentence}</strong></p>` : ''}
    ${coverage.groups?.length ? html`<div class="table-room" tabindex="0" role="region" aria-label=${t('learn.staff.coverage.byGroup')}><table class="learn-table">
      <caption class="visually-hidden">${t('learn.staff.coverage.byGroup')}</caption>
      <thead><tr><th scope="col">${t('learn.staff.coverage.group')}</th><th scope="col">${t('learn.staff.coverage.asked')}</th>
        <th scope="col">${t('learn.staff.coverage.upvotes')}</th><th scope="col">${t('learn.staff.coverage.inTop', { top })}</th></tr></thead>
      <tbody>${coverage.groups.map((g) => html`<tr class=${g.inTop ? '' : 'learn-missing'}>
        <th scope="row">${t('learn.staff.qa.group', { n: g.group })}</th><td>${g.asked}</td><td>${g.upvotes}</td><td>${g.inTop}</td></tr>`)}</tbody>
    </table></div>` : ''}
    ${coverage.attributes?.length ? html`<details class="learn-attributes"><summary>${t('learn.staff.coverage.byValue')}</summary>
      <div class="table-room" tabindex="0" role="region" aria-label=${t('learn.staff.coverage.byValue')}><table class="learn-table">
        <thead><tr><th scope="col">${t('learn.staff.coverage.value')}</th><th scope="col">${t('learn.staff.coverage.asked')}</th>
          <th scope="col">${t('learn.staff.coverage.upvotes')}</th></tr></thead>
        <tbody>${coverage.attributes.map((a) => html`<tr><th scope="row">${t('learn.staff.coverage.pair', { attribute: a.attribute, value: a.value })}</th><td>${a.asked}</td><td>${a.upvotes}</td></tr>`)}</tbody>
      </table></div></details>` : ''}
  </div>`;
}
