// Reaching members by e-mail and text message: the organiser sends the invitations and the results, turns reminders
// on or off, and reads the log of what was sent to whom (bounces included). docs/outreach.md is the contract.
import strings from './strings.js';
import { outreachPanel } from './panel.js';

export default {
  name: 'outreach',
  strings,
  panels: [{ region: 'wide', order: 25, roles: ['organiser'], render: outreachPanel }],
};
