// The staff's learning tools: {panels, start?, onView?, onPersonal?} (learning/feature.js). Publishing (organisers,
// named experts), moderating questions to experts and the coverage hint (facilitators, the lead, organisers), the
// expert's queue, and progress per learning group with the answers to tasks.
import { publishPanel } from './publish.js';
import { moderationPanel, expertQueuePanel } from './moderation.js';
import { progressPanel, refreshProgress } from './progress.js';

export default {
  panels: [
    { region: 'plenary', order: 60, roles: ['facilitator', 'organiser'], render: moderationPanel },
    { region: 'plenary', order: 61, roles: ['expert'], render: expertQueuePanel },
    { region: 'plenary', order: 62, roles: ['facilitator', 'organiser'], render: progressPanel },
    { region: 'wide', order: 20, roles: ['organiser', 'expert'], render: publishPanel },
  ],
  onView: refreshProgress,
  // After a reconnection or a move between audiences, progress is asked again (the answer may differ).
  onPersonal: (ctx) => {
    if (ctx.ui.learnStaff_progress) ctx.ui.learnStaff_progress.asked = null;
    refreshProgress(ctx);
  },
};
