// The live clock: what happens now, how long is left, what comes next; and the lead's controls.
import { html } from '../lib/html.js';
import { t } from '../i18n/i18n.js';
import { minutesSeconds as clockText } from '../lib/time.js';

/** Everyone sees the clock; the lead and organisers (ctx.steers) also run it. */
export function sessionPanel(ctx) {
  const session = ctx.view.session;
  const now = ctx.now;
  const controls = ctx.steers ? ctx : null;
  const running = session?.running;
  if (!running) {
    return controls ? html`<section aria-labelledby="session-title"><h2 id="session-title">${t('session.title')}</h2>
      <p class="muted">${t('session.none')}</p>${startControls(session, controls)}</section>` : '';
  }
  const remaining = running.paused ? running.remainingMs : Date.parse(running.endsAt) - now;
  const warning = !running.paused && running.warningAt && now >= Date.parse(running.warningAt) && remaining > 0;
  const segment = running.segment;
  return html`
    <section aria-labelledby="session-title" class="session" data-testid="session">
      <h2 id="session-title">${running.title}</h2>
      <p class="now"><span class="kind">${t('segment.' + segment.kind)}</span>
        <strong data-testid="segment-title">${segment.title}</strong>
        <span class="muted">(${t('session.step', { n: running.index + 1, total: running.count })})</span></p>
      ${segment.text ? html`<p class="prompt">${segment.text}</p>` : ''}
      ${segment.harvest ? html`<p class="muted">${t('session.harvest')}</p><ul>${Object.values(segment.harvest).map((h) => html`<li>${h}</li>`)}</ul>` : ''}
      <p class="countdown ${remaining <= 0 ? 'over' : ''}" data-testid="countdown" aria-live="off">
        ${running.paused ? t('session.paused') + ' · ' : ''}${clockText(remaining)}
        <span class="visually-hidden">${t('session.left')}</span></p>
      ${warning ? html`<p class="warning" role="alert">${t('session.warning', { time: clockText(remaining) })}</p>` : ''}
      ${running.next ? html`<p class="muted">${t('session.next')} ${t('segment.' + running.next.kind)} — ${running.next.title}
        (${running.next.minutes} min)</p>` : ''}
      ${controls ? runningControls(running, controls) : ''}
    </section>`;
}

function startControls(session, controls) {
  const sessions = Object.entries(session?.script?.sessions || {}).sort((a, b) => a[1].order - b[1].order);
  if (sessions.length === 0) return html`<p class="muted">${t('session.noScript')}</p>`;
  return html`<form @submit=${(e) => { e.preventDefault(); controls.send('start-session', { sessionId: e.target.session.value }); }}>
      <label for="session-select">${t('session.choose')}</label>
      <select id="session-select" name="session">
        ${sessions.map(([id, s]) => html`<option value=${id}>${s.order}. ${s.title} (${s.minutes} min)</option>`)}
      </select>
      <button type="submit">${t('session.start')}</button>
    </form>`;
}

function runningControls(running, controls) {
  const button = (label, name, args = {}, secondary = true) => html`<button type="button" class=${secondary ? 'secondary' : ''}
    @click=${() => controls.send(name, args)}>${label}</button>`;
  return html`<div class="controls-row" role="group" aria-label=${t('session.controls')}>
      ${running.paused ? button(t('session.resume'), 'resume-session', {}, false) : button(t('session.pause'), 'pause-session', {}, false)}
      ${button('+1 min', 'extend-segment', { minutes: 1 })}
      ${button('+5 min', 'extend-segment', { minutes: 5 })}
      ${button(t('session.back'), 'go-back')}
      ${button(t('session.skip'), 'skip-segment')}
      ${button(t('session.end'), 'end-session')}
    </div>`;
}
