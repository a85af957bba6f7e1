// Messages that must reach people wherever they are on the page (announcements, the lead's broadcast, time
// warnings): shown in the banner at the top of every screen until dismissed; a dismissal is remembered for this tab
// (sessionStorage), per message.
import { html } from './html.js';
import { t } from '../i18n/i18n.js';

const KEY = 'assembly-hub.dismissed';

function dismissedSet() {
  try {
    return new Set(JSON.parse(sessionStorage.getItem(KEY) || '[]'));
  } catch (e) {
    return new Set();
  }
}

export function isDismissed(id) {
  return dismissedSet().has(id);
}

export function dismiss(id) {
  const all = dismissedSet();
  all.add(id);
  try {
    sessionStorage.setItem(KEY, JSON.stringify([...all].slice(-200)));
  } catch (e) { /* private mode: the message comes back on the next draw only */ }
}

/**
 * One message of the banner: its words, what it is (a kind for the eye and the ear), and its "Close" button.
 * redraw: the page's redraw, after a dismissal.
 */
export function bannerMessage({ id, kind, label, text, meta, testid }, redraw) {
  if (isDismissed(id)) return '';
  return html`<div class="banner-message ${kind}" data-testid=${testid || 'banner-message'} data-id=${id}>
    <p><strong>${label}</strong> <span class="banner-text">${text}</span>${meta ? html` <span class="muted">${meta}</span>` : ''}</p>
    <button type="button" class="secondary dismiss" aria-label=${t('banner.dismiss', { what: label })}
      @click=${() => { dismiss(id); redraw(); }}>${t('banner.close')}</button>
  </div>`;
}
