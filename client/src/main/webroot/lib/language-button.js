// The language button of every page: it names the next language in that language (and is marked as such, so that a
// screen reader says it with the right voice); pressing it switches, then after() redraws.
import { html } from './html.js';
import { nextLanguage, toggleLanguage } from '../i18n/i18n.js';

export function languageButton(after) {
  const next = nextLanguage();
  return html`<button type="button" class="secondary" lang=${next.code} aria-label=${next.label} data-testid="language"
    @click=${() => { toggleLanguage(); after(); }}>${next.name}</button>`;
}
