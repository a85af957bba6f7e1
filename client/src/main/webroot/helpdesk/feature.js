// The help desk: a help button on every screen for those who take part; for the lead's desk, organisers and a
// group's facilitators, the calls for help and members' tech-check results; the phone lines of phone-only members.
import strings from './strings.js';
import { helpButton, onPersonal as helpKnown } from './button.js';
import { helpdeskPanel, helpdeskAttention, myMembersPanel, onPersonal as checksWanted } from './desk.js';
import { phonesPanel, onView } from './phones.js';

export default {
  name: 'helpdesk',
  strings,
  panels: [
    { region: 'header', order: 20, render: helpButton },
    { region: 'plenary', order: 6, render: phonesPanel },
    { region: 'plenary', order: 7, render: helpdeskPanel },
    { region: 'plenary', order: 8, render: myMembersPanel },
  ],
  // The view may come before `personal` says who steers (a page opened while groups meet): phones look again then.
  onPersonal: (ctx) => { helpKnown(ctx); checksWanted(ctx); onView(ctx); },
  onView,
  attention: helpdeskAttention,
};
