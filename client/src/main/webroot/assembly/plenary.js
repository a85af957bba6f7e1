// The plenary panel everyone sees: the question, the phase, the organisers' announcements; and the newest
// announcements (the lead's broadcast among them) in the banner at the top of every screen, groups included.
import { html, repeat } from '../lib/html.js';
import { t, locale } from '../i18n/i18n.js';
import { bannerMessage } from '../lib/banner.js';

/** Announcements older than this stay in the plenary's list only. */
const BANNER_HOURS = 3;
const BANNER_MAX = 3;

/** The newest announcements, until each is dismissed: at the top of every screen. */
export function announcementBanner(ctx) {
  const since = ctx.now - BANNER_HOURS * 3600 * 1000;
  const items = Object.entries(ctx.view.announcements || {}).map(([id, a]) => ({ id, ...a }))
    .filter((a) => !a.at || Date.parse(a.at) >= since)
    .sort((a, b) => b.order - a.order).slice(0, BANNER_MAX);
  if (!items.length) return '';
  const time = new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit' });
  return items.map((a) => bannerMessage({
    id: `announcement/${ctx.assemblyId}/${a.id}`,
    kind: 'announcement',
    label: t('banner.announcement'),
    text: a.text,
    meta: a.at ? time.format(new Date(a.at)) : '',
    testid: 'banner-announcement',
  }, ctx.redraw));
}

const PHASES = ['onboarding', 'learning', 'deliberation', 'decision', 'closed'];

function phaseSteps(current) {
  return html`
    <section aria-labelledby="phase-title">
      <h2 id="phase-title">${t('phase.title')}</h2>
      <ol class="phases" data-testid="phase" data-phase=${current}>
        ${PHASES.map((phase) => html`
          <li class=${phase === current ? 'current' : ''} aria-current=${phase === current ? 'step' : 'false'}>
            ${t('phase.' + phase)}${phase === current ? html` <span class="visually-hidden">(${t('phase.current')})</span>` : ''}
          </li>`)}
      </ol>
    </section>`;
}

function announcementList(announcements) {
  const items = Object.entries(announcements || {})
    .map(([id, a]) => ({ id, ...a }))
    .sort((a, b) => b.order - a.order);
  const time = new Intl.DateTimeFormat(locale(), { weekday: 'short', hour: '2-digit', minute: '2-digit' });
  return html`
    <section aria-labelledby="announcements-title">
      <h2 id="announcements-title">${t('announcements.title')}</h2>
      <div aria-live="polite" data-testid="announcements">
        ${items.length === 0 ? html`<p class="muted">${t('announcements.none')}</p>` : html`
          <ul class="announcements">
            ${repeat(items, (a) => a.id, (a) => html`
              <li><p class="announcement-text">${a.text}</p><time datetime=${a.at}>${time.format(new Date(a.at))}</time></li>`)}
          </ul>`}
      </div>
    </section>`;
}

export function plenaryPanel({ view, me, assemblyId }) {
  return html`
    ${view.assembly.question ? html`
      <section aria-labelledby="question-title" class="question">
        <h2 id="question-title">${t('question.title')}</h2>
        <p>${view.assembly.question}</p>
      </section>` : ''}
    ${phaseSteps(view.phase)}
    ${announcementList(view.announcements)}
    ${me?.personId ? html`<p class="muted my-data">
      <a href="/api/assemblies/${assemblyId}/my-data.json" download data-testid="my-data">${t('privacy.myData')}</a>
      ${view.assembly.personalDataKeptUntil ? t('privacy.keptUntil', { day: view.assembly.personalDataKeptUntil }) : ''}</p>` : ''}`;
}
