// A rule of adoption stated as sentences (and an outcome explained the same way), in the page's language, from the
// rule's parts: the views send them as `ruleParts` (threshold, base, quorum, block, anotherRoundAt); older hubs sent
// only the one-line form (`threshold=4/5 base=valid-votes quorum=2/3 block=discuss another-round-at=1/5`), which is
// read too. Pure functions of their arguments: `t` is passed in, so the browser tests call them with either language.

/** Which scales have a blocking level, and which a "more discussion" level (kernel/agreement/Scale.java). */
const BLOCKS = new Set(['gradients', 'fist', 'consent']);
const DISCUSSES = new Set(['gradients', 'fist']);

/** The parts of a rule, from the view's `ruleParts` or its one-line `rule`; null when there is none. */
export function ruleParts(parts, line) {
  if (parts && typeof parts === 'object') return parts;
  if (typeof line !== 'string' || !line.includes('=')) return null;
  const read = Object.fromEntries(line.trim().split(/\s+/).map((p) => p.split('=')));
  const orNull = (v) => (v === undefined || v === 'none' ? null : v);
  return { threshold: read.threshold, base: read.base, quorum: orNull(read.quorum), block: read.block,
    anotherRoundAt: orNull(read['another-round-at']) };
}

/** "4/5" → { n: 4, d: 5 }; null for none. */
export function fraction(text) {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text ?? '');
  return m ? { n: Number(m[1]), d: Number(m[2]) } : null;
}

/** How much of a whole a fraction asks for: "at least 4 out of 5", "all", "any share". */
function share(f, t) {
  if (f.n === 0) return t('rule.share.any');
  if (f.n === f.d) return t('rule.share.all');
  return t('rule.share', { n: f.n, d: f.d });
}

/**
 * The rule as sentences: when it is adopted (the threshold and what it is a share of, the quorum), then, for scales
 * that have them, what a block does and when "more discussion" calls another round.
 * @param parts  ruleParts(…)
 * @param scale  the agreement scale: gradients, fist, consent, or support (final ballots)
 * @param who    who votes: 'members' or 'facilitators'
 */
export function ruleSentences(parts, { scale = 'support', who = 'members' } = {}, t) {
  if (!parts) return [];
  const threshold = fraction(parts.threshold) ?? { n: 4, d: 5 };
  const people = t('rule.who.' + who);
  const base = ['valid-votes', 'ballots-cast', 'all-members'].includes(parts.base) ? parts.base : 'valid-votes';
  const everyone = base === 'all-members' && threshold.n === threshold.d;
  let adopted = everyone ? t('rule.adopted.everyone', { who: people })
    : t('rule.adopted.' + base, { share: share(threshold, t), who: people });
  const quorum = fraction(parts.quorum);
  if (!quorum || quorum.n === 0) adopted += t('rule.turnout.none');
  else if (quorum.n === quorum.d) adopted += t('rule.turnout.all', { who: people });
  else adopted += t('rule.turnout.share', { n: quorum.n, d: quorum.d, who: people });
  const sentences = [adopted];
  if (BLOCKS.has(scale) && ['veto', 'discuss', 'oppose'].includes(parts.block)) {
    sentences.push(t(`rule.effect.${parts.block}.${scale === 'consent' ? 'objection' : 'block'}`));
  }
  const again = fraction(parts.anotherRoundAt);
  if (DISCUSSES.has(scale) && again && again.n > 0) {
    sentences.push(t('rule.anotherRound', { share: share(again, t) }));
  }
  return sentences;
}

/** The quorum of a poll that is not a consensus round ("2/3"), as a sentence; '' without one. */
export function quorumSentence(quorum, t) {
  const f = fraction(quorum);
  return f && f.n > 0 ? t('rule.pollQuorum', { share: share(f, t) }) : '';
}

/**
 * Why a consensus round came out as it did, in the page's language, from its counts (the hub's `reason` is in
 * English): the quorum, a block, calls for more discussion, or the support against the threshold.
 */
export function outcomeReason(parts, results, eligible, t) {
  if (!parts || !results?.outcome) return '';
  const by = results.byLevel || {};
  const blocks = by.block ?? 0;
  const cast = results.count ?? 0;
  const quorum = fraction(parts.quorum);
  if (results.outcome === 'no-quorum' && quorum) return t('reason.quorum', { cast, of: eligible, share: share(quorum, t) });
  if (blocks > 0 && parts.block === 'veto' && results.outcome === 'not-adopted') return t('reason.veto', { n: blocks });
  if (blocks > 0 && parts.block === 'discuss' && results.outcome === 'another-round') return t('reason.discuss', { n: blocks });
  const again = fraction(parts.anotherRoundAt);
  if (results.outcome === 'another-round' && again) {
    return t('reason.moreDiscussion', { n: by['more-discussion'] ?? 0, of: cast, share: share(again, t) });
  }
  const threshold = fraction(parts.threshold) ?? { n: 4, d: 5 };
  return t('reason.support', { n: by.support ?? 0, of: results.base ?? 0, share: share(threshold, t) });
}
