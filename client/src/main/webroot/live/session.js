// The live clock: what happens now, how long is left, what comes next; the lead's controls (in the steering strip,
// always in reach); and the time warning in the banner at the top of every screen.
import { html } from '../lib/html.js';
import { t } from '../i18n/i18n.js';
import { minutesSeconds as clockText } from '../lib/time.js';
import { bannerMessage } from '../lib/banner.js';

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
      ${warning ? html`<p class="warning">${t('session.warning', { time: clockText(remaining) })}</p>` : ''}
      ${running.next ? html`<p class="muted">${t('session.next')} ${t('segment.' + running.next.kind)} — ${running.next.title}
        (${running.next.minutes} min)</p>` : ''}
    </section>`;
}

function startControls(session, controls) {
  const sessions = Object.entries(session?.script?.sessions || {}).sort((a, b) => a[1].order - b[1].order);
  if (sessions.length === 0) return html`<p class="muted">${t('session.noScript')}</p>`;
  return html`<form @submit=${(e) => { e.preventDefault(); controls.send('start-session', { sessionId: e.target.session.value }, { near: e.target }); }}>
      <label for="session-select">${t('session.choose')}</label>
      <select id="session-select" name="session">
        ${sessions.map(([id, s]) => html`<option value=${id}>${s.order}. ${s.title} (${s.minutes} min)</option>`)}
      </select>
      <button type="submit">${t('session.start')}</button>
    </form>`;
}

/** The clock's controls, for the steering strip (the lead and organisers), while a session runs. */
export function clockControls(ctx) {
  const running = ctx.steers ? ctx.view.session?.running : null;
  if (!running) return '';
  const button = (label, name, args = {}, secondary = true) => html`<button type="button" class=${secondary ? 'secondary' : ''}
    @click=${(e) => ctx.send(name, args, { near: e.currentTarget })}>${label}</button>`;
  const later = (label, pending, name, testid) => html`<button type="button" class="secondary" data-testid=${testid}
    @click=${(e) => ctx.sendLater(pending, name, {}, { near: e.currentTarget })}>${label}</button>`;
  return html`<div class="controls-row strip-clock" role="group" aria-label=${t('session.controls')} data-testid="clock-controls">
      ${running.paused ? button(t('session.resume'), 'resume-session', {}, false) : button(t('session.pause'), 'pause-session', {}, false)}
      ${button('+1 min', 'extend-segment', { minutes: 1 })}
      ${button('+5 min', 'extend-segment', { minutes: 5 })}
      ${button(t('session.back'), 'go-back')}
      ${later(t('session.skip'), t('session.skip.pending'), 'skip-segment', 'skip-segment')}
      ${later(t('session.end'), t('session.end.pending'), 'end-session', 'end-session')}
    </div>`;
}

/** The time warning of the current segment, at the top of every screen until dismissed. */
export function clockBanner(ctx) {
  const running = ctx.view.session?.running;
  if (!running || running.paused || !running.warningAt) return '';
  const remaining = Date.parse(running.endsAt) - ctx.now;
  if (ctx.now < Date.parse(running.warningAt) || remaining <= 0) return '';
  return bannerMessage({
    id: `warning/${running.id ?? running.title}/${running.index}/${running.endsAt}`,
    kind: 'warning',
    label: t('banner.time'),
    // In whole minutes: the banner is a live region, and a text that changed every second would be read every second.
    text: t('session.warning', { time: `${Math.ceil(remaining / 60000)} min` }),
    testid: 'banner-warning',
  }, ctx.redraw);
}
