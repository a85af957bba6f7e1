// A poll or a consensus round that opens while the person is here is said to screen readers (it also appears on the
// screen). Those already open when the page loads are not: they are on the screen, in the page's order.
import { t } from '../i18n/i18n.js';
import { announce } from '../lib/announce.js';
import { AGREEMENT } from './results.js';

let known = null; // the poll ids seen so far; null before the first view

export function sayNewPolls(ctx) {
  if (!ctx.view) return;
  const polls = ctx.view.polls || {};
  if (known) {
    for (const [id, poll] of Object.entries(polls)) {
      if (poll.open && !known.has(id)) {
        announce(t(AGREEMENT[poll.kind] ? 'poll.said.round' : 'poll.said.poll', { question: poll.question }));
      }
    }
  }
  known = new Set([...(known || []), ...Object.keys(polls)]);
}
