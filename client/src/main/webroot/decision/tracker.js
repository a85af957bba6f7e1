// The ballot tracker, computed by the member's own browser from the ballot and the secret it made — the hub does not
// need to send it (and keeps no record of whose it is). The same derivation as the hub's Trackers.of, which the
// verifier uses: SHA-256("assembly-hub tracker\n" + ballot + "\n" + secret), the first 12 bytes, each & 31 into
// Crockford's base 32 (no I, L, O, U), dashes after the 4th and 8th symbol: 7K2P-QX4M-9RTD.
import { sha256 } from '../lib/sha256.js';

const SYMBOLS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export async function trackerOf(ballotId, secret, digest = sha256) {
  const hash = await digest(`assembly-hub tracker\n${ballotId}\n${secret}`);
  let out = '';
  for (let i = 0; i < 12; i++) {
    out += SYMBOLS[hash[i] & 31];
    if (i === 3 || i === 7) out += '-';
  }
  return out;
}
