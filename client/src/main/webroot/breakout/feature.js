// Breakout groups: the lead's desk (a tile per group), my group, the group's workspace and its chat, the harvest board; the
// round's controls and the broadcast in the steering strip; a help call in the tab's title and as a short sound.
import strings from './strings.js';
import { breakoutPanel, deskPanel, roundControls, deskAttention, listenForHelp } from './rooms.js';
import { workspacePanel, harvestPanel, reportsPanel, sayWorkspaceNews } from './workspace.js';
import { chatPanel } from './chat.js';

export default {
  name: 'breakout',
  strings,
  panels: [
    { region: 'plenary', order: 5, render: deskPanel },
    { region: 'plenary', order: 30, render: breakoutPanel },
    { region: 'plenary', order: 40, render: workspacePanel },
    { region: 'plenary', order: 42, render: chatPanel },
    { region: 'plenary', order: 45, render: reportsPanel },
    { region: 'plenary', order: 50, render: harvestPanel },
    { region: 'strip', order: 20, render: roundControls },
  ],
  onView: (ctx) => { listenForHelp(ctx); sayWorkspaceNews(ctx); },
  attention: deskAttention,
  ticking: ({ view }) => Boolean(view?.workspace?.speaker || view?.breakouts?.myGroup?.endsAt
    || (view?.breakouts?.groups && view?.session?.running && !view.session.running.paused)),
};
