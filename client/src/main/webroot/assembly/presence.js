// Who is connected, for facilitators: names and online state only.
import { html, repeat } from '../lib/html.js';
import { t } from '../i18n/i18n.js';

export function presencePanel({ view }) {
  const people = Object.entries(view.presence || {}).map(([id, p]) => ({ id, ...p }))
    .sort((a, b) => (b.online - a.online) || a.name.localeCompare(b.name, undefined, { numeric: true }));
  const online = people.filter((p) => p.online).length;
  return html`
    <section aria-labelledby="presence-title">
      <h2 id="presence-title">${t('presence.title')}</h2>
      <p data-testid="presence-count">${t('presence.count', { n: online, total: people.length })}</p>
      <ul class="presence">
        ${repeat(people, (p) => p.id, (p) => html`
          <li class=${p.online ? 'online' : 'offline'}>
            <span class="dot" aria-hidden="true"></span>${p.name}
            <span class="muted">· ${t('role.' + p.role)} · ${p.online ? t('presence.online') : p.phoneOnly ? t('presence.byPhone') : t('presence.offline')}</span>
          </li>`)}
      </ul>
    </section>`;
}
