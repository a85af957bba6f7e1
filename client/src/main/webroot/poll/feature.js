// Polls and consensus rounds: answered, tallied, opened and closed in the plenary column.
import strings from './strings.js';
import { pollsPanel } from './polls.js';
import { sayNewPolls } from './news.js';

export default {
  name: 'poll',
  strings,
  panels: [
    { region: 'plenary', order: 70, render: pollsPanel },
  ],
  onView: sayNewPolls,
};
