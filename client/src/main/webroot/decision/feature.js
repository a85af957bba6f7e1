// Decisions: final ballots (with receipts recovered after a lost connection) and draft recommendations. Ballots read
// their levels and outcomes as polls do (poll/results.js, poll's strings): this feature builds on the poll feature.
import strings from './strings.js';
import { ballotsPanel } from './ballots.js';
import { draftsPanel } from './drafts.js';
import { ballotRuleDesk } from './rule-desk.js';
import { recoverReceipts } from './receipts.js';
import { sayNewBallots } from './news.js';

export default {
  name: 'decision',
  strings,
  panels: [
    { region: 'plenary', order: 60, render: ballotsPanel },
    { region: 'plenary', order: 80, render: draftsPanel },
    { region: 'wide', order: 17, roles: ['organiser'], render: ballotRuleDesk },
  ],
  onView: (ctx) => { recoverReceipts(ctx); sayNewBallots(ctx); },
  onPersonal: recoverReceipts,
};
