// The assembly core: the plenary everyone sees (question, phase, announcements, also in the banner at the top of
// every screen), who is here for facilitators, and
// the organiser console. Other features may use its strings (presence.online, presence.offline): it is always there.
import strings from './strings.js';
import { plenaryPanel, announcementBanner } from './plenary.js';
import { presencePanel } from './presence.js';
import { organiserConsole, leadPhaseControl } from './organiser.js';

export default {
  name: 'assembly',
  strings,
  panels: [
    { region: 'plenary', order: 90, render: plenaryPanel },
    { region: 'banner', order: 10, render: announcementBanner },
    { region: 'aside', order: 10, roles: ['facilitator'], render: (ctx) => (ctx.view.presence ? presencePanel(ctx) : '') },
    { region: 'strip', order: 40, roles: ['facilitator'], render: leadPhaseControl },
    { region: 'wide', order: 10, roles: ['organiser'], render: (ctx) => (ctx.view.roster ? organiserConsole(ctx) : '') },
  ],
};
