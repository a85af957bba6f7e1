// Breakout groups: my group or the lead's desk, the group's workspace, and the harvest board.
import strings from './strings.js';
import { breakoutPanel } from './rooms.js';
import { workspacePanel, harvestPanel, reportsPanel } from './workspace.js';

export default {
  name: 'breakout',
  strings,
  panels: [
    { region: 'plenary', order: 30, render: breakoutPanel },
    { region: 'plenary', order: 40, render: workspacePanel },
    { region: 'plenary', order: 45, render: reportsPanel },
    { region: 'plenary', order: 50, render: harvestPanel },
  ],
  ticking: ({ view }) => Boolean(view?.workspace?.speaker || view?.breakouts?.myGroup?.endsAt),
};
