// The live session: the clock everyone sees, its warning in the banner, the lead's controls in the steering strip;
// and "Leave this device" for shared devices.
import strings from './strings.js';
import { sessionPanel, clockControls, clockBanner } from './session.js';
import { leaveButton, followLeaving } from './leave.js';

export default {
  name: 'live',
  strings,
  panels: [
    { region: 'header', order: 20, render: (ctx) => (ctx.me?.personId ? leaveButton(ctx) : '') },
    { region: 'plenary', order: 20, render: sessionPanel },
    { region: 'strip', order: 10, render: clockControls },
    { region: 'banner', order: 20, render: clockBanner },
  ],
  start: () => followLeaving(),
  ticking: ({ view }) => Boolean(view?.session?.running && !view.session.running.paused),
};
