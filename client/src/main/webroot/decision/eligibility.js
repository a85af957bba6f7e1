// Whether this person can vote in an open ballot, known before they fill the form. The role says it for everyone who
// is not a member. For a member, only the hub knows the roll (the view carries its size and a salted fingerprint)
// and whether they voted from another device: the page asks `ballot-standing`, which records nothing. Asked once per
// ballot and roll size, so a roll that grows (latecomers join it when they connect) is asked about again.
const known = new Map(); // key → 'checking' | 'eligible' | 'not-on-roll' | 'voted-elsewhere' | 'closed' | 'unknown'

/**
 * What stands between this person and the ballot's form: 'observer' (a public visitor), 'not-member' (another role),
 * 'voted-here' (their receipt is on this device: they may change their vote), 'checking', 'eligible',
 * 'not-on-roll', 'voted-elsewhere', 'closed' or 'unknown' (the hub gave another answer: the form is shown, the hub
 * decides when it is sent).
 */
export function eligibility({ me, connection, redraw }, id, ballot, mine) {
  if (!ballot.open) return 'closed';
  if (!me?.personId) return 'observer';
  if (me.role !== 'member') return 'not-member';
  if (mine?.tracker && !mine.pending) return 'voted-here';
  if (mine?.pending) return 'eligible'; // a cast on its way: receipts.js finds out whether it counted
  const key = [me.assemblyId, me.personId, id, ballot.rollSize].join('/');
  if (!known.has(key)) {
    known.set(key, 'checking');
    connection.send('ballot-standing', { ballotId: id })
      .then((ack) => {
        const s = ack?.result;
        if (!s) return 'unknown';
        if (!s.open) return 'closed';
        if (!s.onRoll) return 'not-on-roll';
        return s.voted ? 'voted-elsewhere' : 'eligible';
      }, () => 'unknown')
      .then((answer) => {
        known.set(key, answer);
        redraw();
      });
  }
  return known.get(key);
}
