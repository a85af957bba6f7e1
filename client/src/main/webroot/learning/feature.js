// Learning: the member's agenda and materials (talks with captions, readings, tasks), expert Q&A, and the staff's
// tools (publishing modules and files, moderating questions, progress per group). docs/learning.md is the contract.
import strings from './strings.js';
import staffStrings from './staff-strings.js';
import member from './member.js';
import staff from './staff.js';

const sides = [member, staff];

/** Runs a hook of both sides (each side exports {panels, start?, onView?, onPersonal?}). */
function both(hook) {
  return (ctx, ...args) => sides.forEach((side) => side[hook]?.(ctx, ...args));
}

export default {
  name: 'learning',
  strings: { fr: { ...strings.fr, ...staffStrings.fr }, en: { ...strings.en, ...staffStrings.en } },
  panels: [...member.panels, ...staff.panels],
  start: both('start'),
  onView: both('onView'),
  onPersonal: both('onPersonal'),
};
