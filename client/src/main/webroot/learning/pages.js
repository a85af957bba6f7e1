// Markdown files (transcripts, readings) as the hub renders them: HTML it has already made safe (commonmark, raw
// HTML escaped, unsafe links dropped), fetched once per file and kept for the page's life.
import { html } from '../lib/html.js';
import { t } from '../i18n/i18n.js';
import { state } from './mine.js';
import { fileUrl } from './items.js';

/**
 * The file's headings, moved under the item's own (h4): its "# Title" becomes h5, anything deeper h6, so that the
 * page's outline stays whole for screen readers. The HTML is parsed inert (a template runs nothing).
 */
function underItem(text) {
  const template = document.createElement('template');
  template.innerHTML = text;
  for (const heading of template.content.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const level = Math.min(6, Number(heading.tagName[1]) + 4);
    const moved = document.createElement('h' + level);
    moved.append(...heading.childNodes);
    for (const { name, value } of heading.attributes) moved.setAttribute(name, value);
    heading.replaceWith(moved);
  }
  return template.innerHTML;
}

function load(ctx, hash) {
  const pages = state(ctx).pages;
  if (pages[hash]) return pages[hash];
  const page = (pages[hash] = { status: 'loading', html: '' });
  fetch(fileUrl(ctx, hash, true), { credentials: 'same-origin' })
    .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
    .then((text) => { page.status = 'ok'; page.html = underItem(text); }, () => { page.status = 'error'; })
    .finally(() => ctx.redraw());
  return page;
}

/** A rendered Markdown file (fetched on first use), or what stands for it while it comes or when it cannot. */
export function renderedPage(ctx, hash, testid) {
  const page = load(ctx, hash);
  if (page.status === 'loading') return html`<p class="muted">${t('learn.page.loading')}</p>`;
  if (page.status === 'error') {
    return html`<p class="muted">${t('learn.page.failed')}
      <button type="button" class="secondary" @click=${() => { delete state(ctx).pages[hash]; ctx.redraw(); }}>${t('learn.page.retry')}</button></p>`;
  }
  return html`<div class="lm-page" data-testid=${testid} .innerHTML=${page.html}></div>`;
}
