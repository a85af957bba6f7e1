// Calls: the group's call or the plenary's (mesh or Jitsi), following the person's room; the tech check link; what
// observers watch (the live stream the organisers set) and the organisers' forms to set it and how calls start.
import { html } from '../lib/html.js';
import { t } from '../i18n/i18n.js';
import strings from './strings.js';
import { CallController, callPanel } from './call.js';
import { watchPanel, streamDesk } from './watch.js';
import { videoDefaultsDesk } from './defaults.js';

let call = null; // one per page, made when the assembly's page starts

export default {
  name: 'video',
  strings,
  panels: [
    { region: 'header', order: 10, render: (ctx) => (ctx.me?.personId
      ? html`<a href="/tech-check.html?a=${ctx.assemblyId}" target="_blank" rel="noopener">${t('video.check')}</a>` : '') },
    { region: 'plenary', order: 5, render: watchPanel },
    { region: 'plenary', order: 10, render: (ctx) => (call ? callPanel(call, ctx) : '') },
    { region: 'wide', order: 15, roles: ['organiser'], render: streamDesk },
    { region: 'wide', order: 16, roles: ['organiser'], render: videoDefaultsDesk },
  ],
  start: (ctx) => { call = new CallController(ctx.connection, () => ctx.redraw()); },
  // After a lost socket the call is joined again (the hub counted this person as gone); otherwise it follows moves.
  onPersonal: (ctx, { reconnected }) => (reconnected ? call.rejoin(ctx.me) : call.follow(ctx.me)),
  onSignal: (ctx, message) => call.onSignal(message),
  onSignalError: (ctx, error) => {
    console.info('call signal refused', error.code);
    call.onSignalError(error);
  },
};
