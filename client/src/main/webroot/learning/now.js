// While a learning segment runs: what is being learnt now, in the plenary, where everyone looks.
import { html } from '../lib/html.js';
import { t } from '../i18n/i18n.js';
import { itemsById, itemAnchor } from './items.js';
import { learns } from './mine.js';

export function nowPanel(ctx) {
  const now = ctx.view?.learning?.now;
  if (!now) return '';
  // The script names the material in its own words (or by an item's id): when an item matches, link to it.
  const items = itemsById(ctx.view);
  const item = now.material ? items.get(now.material) ?? [...items.values()].find((i) => i.title === now.material) : null;
  const material = item?.title ?? now.material;
  const speaker = now.speaker ?? item?.speaker;
  return html`<section aria-labelledby="lm-now-title" class="lm-now" data-testid="learn-now">
    <h2 id="lm-now-title">${t('learn.now.title')}</h2>
    ${now.title ? html`<p class="lm-now-title">${now.title}</p>` : ''}
    ${material ? html`<p class="lm-now-material">${item ? html`<a href=${'#' + itemAnchor(item.id)}>${material}</a>` : material}</p>` : ''}
    ${speaker ? html`<p>${t('learn.now.speaker', { name: speaker })}</p>` : ''}
    ${now.url ? html`<p><a class="lm-now-link" href=${now.url} target="_blank" rel="noopener noreferrer">${t('learn.now.open')}<span
      class="visually-hidden"> (${t('learn.newTab')})</span></a></p>` : ''}
    ${now.qa && learns(ctx.me) ? html`<p><a href="#lm-questions-title">${t('learn.now.ask')}</a></p>` : ''}
  </section>`;
}
