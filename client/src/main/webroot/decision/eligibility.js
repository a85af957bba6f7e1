// Whether this person can vote in an open ballot, known before they fill the form. The role says it for everyone who
// is not a member. For a member, only the hub knows the roll (it is secret: the view carries its size and a salted
// fingerprint) and whether they voted from another device. So the page asks it with a cast that can never count: the
// levels and a fresh secret are valid, and `previousSecret` is a random one that matches no ballot. The hub checks
// in a fixed order (protocol.md, "Order of checks"; BallotDecider.problem) and refuses it with the answer:
// `not-on-roll`, `no-earlier-vote` (on the roll, has not voted: can vote), `unknown-receipt` (has voted) or
// `ballot-closed`. A refusal records nothing. Asked once per ballot and roll size, so a roll that grows (latecomers
// added while it is open) is asked about again.
const known = new Map(); // key → 'checking' | 'eligible' | 'not-on-roll' | 'voted-elsewhere' | 'closed' | 'unknown'

const ANSWERS = {
  'no-earlier-vote': 'eligible',
  'unknown-receipt': 'voted-elsewhere',
  'not-on-roll': 'not-on-roll',
  'ballot-closed': 'closed',
};

function randomHex(bytes) {
  const b = new Uint8Array(bytes);
  crypto.getRandomValues(b);
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}

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
    const items = (ballot.items || []).map(() => 3); // abstain: never counted in any case
    connection.send('cast-ballot', { ballotId: id, levels: items, secret: randomHex(16), previousSecret: randomHex(16) })
      .then(() => 'eligible', (error) => ANSWERS[error?.code] ?? 'unknown')
      .then((answer) => {
        known.set(key, answer);
        redraw();
      });
  }
  return known.get(key);
}
