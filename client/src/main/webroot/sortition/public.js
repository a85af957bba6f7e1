// The public account of the draw, for everyone who follows the assembly (observers first): the commitment and how
// fair the chances were, where the seed comes from, the inputs, the seed and the panel by pseudonymous id, the
// replacements, and the published files with how to check them. Only what the server put in the public view.
import { html } from '../lib/html.js';
import { t, locale } from '../i18n/i18n.js';
import { percent, histogram } from './chances.js';

function when(iso) {
  return iso ? new Date(iso).toLocaleString(locale()) : '';
}

export function publicPanel(ctx) {
  const s = ctx.view?.sortition;
  if (!s) return '';
  const base = `/api/assemblies/${ctx.assemblyId}/sortition/files/`;
  return html`<section class="card sortition-public" aria-labelledby="sortition-public-title" data-testid="sortition-public">
    <h2 id="sortition-public-title">${t('sortition.public.title')}</h2>
    <details>
      <summary>${t('sortition.public.show')}</summary>
      <p>${t('sortition.public.committed', { at: when(s.committedAt) })} <code class="hash">${s.commitment}</code></p>
      <p>${t('sortition.public.method', {
        algorithm: t('sortition.algorithm.' + s.algorithm).split(' (')[0], pool: s.poolSize, k: s.panelSize,
        m: s.panelCount, change: percent(s.maxChange) })}</p>
      <p>${t('sortition.public.chances', { lowest: percent(s.lowest), highest: percent(s.highest), equal: percent(s.equal) })}</p>
      ${histogram(s.histogram || [], 'sortition-public-histogram')}
      <p>${t('sortition.public.plan', { plan: s.seedPlan })}</p>
      <p>${t('sortition.public.sources')}</p>
      <ol data-testid="sortition-seed-sources">${(s.seedSources || []).map((source) => html`<li>${source}</li>`)}</ol>
      ${s.draw ? html`
        <p>${t('sortition.public.inputs')}</p>
        <ul data-testid="sortition-seed-inputs">${s.draw.seedInputs.map((line) => html`<li>${line}</li>`)}</ul>
        <p>${t('sortition.public.seed', { index: s.draw.panelIndex })} <code class="hash">${s.draw.seed}</code></p>
        <p>${t('sortition.public.selected')}</p>
        <ul class="ids" data-testid="sortition-selected">${s.draw.selected.map((id) => html`<li>${id}</li>`)}</ul>`
      : html`<p>${t('sortition.public.waiting')}</p>`}
      ${s.replacements?.length ? html`<p>${t('sortition.public.replacements')}</p>
        <ul>${s.replacements.map((r) => html`<li>${t('sortition.public.replacement', r)}</li>`)}</ul>` : ''}
      <h3>${t('sortition.public.files')}</h3>
      <ul data-testid="sortition-files">${(s.files || []).map((name) => html`<li><a href=${base + name} download>${name}</a></li>`)}</ul>
      <p>${t('sortition.public.verify')}</p>
    </details>
  </section>`;
}
