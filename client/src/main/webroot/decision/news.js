// A ballot that opens while the person is here is said to screen readers (it also appears on the screen).
import { t } from '../i18n/i18n.js';
import { announce } from '../lib/announce.js';

let known = null; // the ballot ids seen so far; null before the first view

export function sayNewBallots(ctx) {
  if (!ctx.view) return;
  const ballots = ctx.view.ballots || {};
  if (known) {
    for (const [id, ballot] of Object.entries(ballots)) {
      if (ballot.open && !known.has(id)) announce(t('ballot.said.open', { title: ballot.title }));
    }
  }
  known = new Set([...(known || []), ...Object.keys(ballots)]);
}
