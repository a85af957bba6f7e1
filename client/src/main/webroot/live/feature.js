// The live session: the clock everyone sees and the lead's controls; and "Leave this device" for shared devices.
import strings from './strings.js';
import { sessionPanel } from './session.js';
import { leaveButton, followLeaving } from './leave.js';

export default {
  name: 'live',
  strings,
  panels: [
    { region: 'header', order: 20, render: (ctx) => (ctx.me?.personId ? leaveButton(ctx) : '') },
    { region: 'plenary', order: 20, render: sessionPanel },
  ],
  start: () => followLeaving(),
  ticking: ({ view }) => Boolean(view?.session?.running && !view.session.running.paused),
};
