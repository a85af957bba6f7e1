// A ballot cast whose answer never arrived (the connection was lost): ask the hub, by its secret, whether it counted.
import { remember, forget } from '../lib/device.js';
import { myBallot } from './ballots.js';
import { trackerOf } from './tracker.js';

const recovering = new Set();

/** Called on every view and every identity: asks once per ballot, for this person's pending casts only. */
export function recoverReceipts({ view, me, connection, redraw }) {
  if (!me?.personId) return;
  for (const id of Object.keys(view?.ballots || {})) {
    const mine = myBallot(me, id);
    if (!mine?.pending || recovering.has(id)) continue;
    recovering.add(id);
    connection.send('find-receipt', { ballotId: id, secret: mine.secret }).then(async (ack) => {
      if (ack.result.status === 'counted') remember(me, 'ballot', id, { secret: mine.secret, tracker: await trackerOf(id, mine.secret) });
      else if (mine.previous) remember(me, 'ballot', id, mine.previous);
      else forget(me, 'ballot', id);
      redraw();
    }, () => recovering.delete(id));
  }
}
