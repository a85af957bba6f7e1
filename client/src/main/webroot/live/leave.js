// "Leave this device": for family tablets and library computers. The hub clears the session cookie (HttpOnly: the
// page cannot), the page removes this person's own data from the browser, every other tab of this browser follows,
// and the browser lands on the neutral home page. A vote cast in a ballot still open can be changed only with the
// secret kept here, so the person is warned first.
import { html } from '../lib/html.js';
import { t } from '../i18n/i18n.js';
import { recall, forgetPerson } from '../lib/device.js';

const channel = 'BroadcastChannel' in window ? new BroadcastChannel('assembly-hub-device') : null;
const NEUTRAL = '/?left=1';

/** Trackers of this person's votes in ballots still open (they could not be changed after leaving). */
function openVotes(me, view) {
  return Object.entries(view?.ballots || {}).filter(([, b]) => b.open)
    .map(([id]) => recall(me, 'ballot', id)).filter((mine) => mine?.tracker).map((mine) => mine.tracker);
}

export async function leaveDevice(me, view, report, near) {
  const trackers = openVotes(me, view);
  if (trackers.length && !confirm(t('leave.confirmVote', { trackers: trackers.join(', ') }))) return;
  let response;
  try {
    response = await fetch('/leave', { method: 'POST', credentials: 'same-origin' });
  } catch (e) {
    response = null;
  }
  if (!response?.ok) {
    report({ code: 'leave-failed', message: t('leave.failed') }, near);
    return;
  }
  forgetPerson(me);
  channel?.postMessage('left');
  location.replace(NEUTRAL);
}

/** Another tab of this browser left the device: this one is signed out too, so it goes to the neutral page. */
export function followLeaving() {
  if (channel) channel.onmessage = (event) => { if (event.data === 'left') location.replace(NEUTRAL); };
}

export function leaveButton({ me, view, report }) {
  return html`<button type="button" class="secondary" data-testid="leave-device" aria-describedby="leave-hint"
      @click=${(e) => leaveDevice(me, view, report, e.currentTarget)}>${t('leave.button')}</button>
    <span id="leave-hint" class="visually-hidden">${t('leave.hint')}</span>`;
}
