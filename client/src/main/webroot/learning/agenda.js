// The agenda: the script's sessions with their date and time in the person's language, the next one first, and under
// each what to prepare (ticked when done) — for members and facilitators; observers see the calendar only.
import { html } from '../lib/html.js';
import { t } from '../i18n/i18n.js';
import { dayAndTime } from './format.js';
import { learns, isDone } from './mine.js';
import { itemsById, itemAnchor } from './items.js';

/** The session to come: the first one neither done nor running (in the script's order), if any. */
export function nextSession(agenda) {
  return agenda.find((s) => !s.done && !s.current) ?? null;
}

function whenText(session, now) {
  return session.plannedStart ? dayAndTime(session.plannedStart, now) : t('learn.agenda.noDate');
}

function prepareList(ctx, session, items) {
  const ids = (session.prepare ?? []).filter((id) => items.has(id));
  if (!ids.length) return '';
  return html`<p class="lm-prepare-title">${t('learn.agenda.prepare')}</p>
    <ul class="lm-prepare">${ids.map((id) => {
      const done = isDone(ctx, id);
      return html`<li class=${done ? 'done' : ''} data-testid="prepare-item" data-done=${done}>
        <span class="lm-tick" aria-hidden="true">${done ? '✓' : '○'}</span>
        <a href=${'#' + itemAnchor(id)}>${items.get(id).title}</a>
        <span class="visually-hidden">(${done ? t('learn.done.state') : t('learn.notDone.state')})</span></li>`;
    })}</ul>`;
}

/** What is next for this person: the next session and how much is left to prepare for it. */
function whatNext(ctx, next, items) {
  if (!next) return html`<p data-testid="learn-next-step">${t('learn.agenda.allDone')}</p>`;
  const left = (next.prepare ?? []).filter((id) => items.has(id) && !isDone(ctx, id));
  if (!left.length) return html`<p data-testid="learn-next-step">${t('learn.agenda.ready')}</p>`;
  const first = items.get(left[0]);
  return html`<p data-testid="learn-next-step">${t('learn.agenda.left', { n: left.length })}
    <a href=${'#' + itemAnchor(first.id)}>${t('learn.agenda.start', { title: first.title })}</a></p>`;
}

export function agendaPanel(ctx) {
  const agenda = ctx.view?.learning?.agenda;
  if (!Array.isArray(agenda) || agenda.length === 0) return '';
  const learner = learns(ctx.me);
  const items = itemsById(ctx.view);
  const next = nextSession(agenda);
  const now = ctx.now;
  return html`<section aria-labelledby="lm-agenda-title" class="lm-agenda" data-testid="learn-agenda">
    <h2 id="lm-agenda-title">${t('learn.agenda.title')}</h2>
    ${next ? html`<p class="lm-next" data-testid="learn-next">
      <strong>${t('learn.agenda.next')}</strong> ${whenText(next, now)}<br>${next.title}</p>` : ''}
    ${learner ? whatNext(ctx, next, items) : ''}
    <ol class="lm-sessions">${agenda.map((s) => html`<li class=${s === next ? 'next' : s.current ? 'current' : s.done ? 'past' : ''}
        data-testid="learn-session" data-session=${s.id} aria-current=${s.current ? 'step' : 'false'}>
      <h3>${s.title}</h3>
      <p class="lm-when">${s.plannedStart ? html`<time datetime=${s.plannedStart}>${whenText(s, now)}</time>` : whenText(s, now)}
        ${s.current ? html` · <strong>${t('learn.agenda.now')}</strong>` : s.done ? html` · ${t('learn.agenda.past')}` : s === next ? html` · <strong>${t('learn.agenda.nextBadge')}</strong>` : ''}</p>
      ${learner && !s.done ? prepareList(ctx, s, items) : ''}
    </li>`)}</ol>
  </section>`;
}
