// What this browser keeps for one person: ballot secrets and receipts, poll answers. Members share family tablets and
// library computers, so every key names the assembly and the person, nothing is ever read for anyone else, and
// "Leave this device" removes the person's keys — only theirs: the ballot secrets of others who used the same device
// stay, since losing one takes away the means to change that vote.
const PREFIX = 'assembly-hub/';

const keyOf = (me, kind, id) => PREFIX + [me.assemblyId, me.personId, kind, id].map((p) => encodeURIComponent(String(p))).join('/');
const personPrefix = (assembly, person) => PREFIX + [assembly, person].map((p) => encodeURIComponent(String(p))).join('/') + '/';

/** What this person kept under (kind, id), or null; always null for a public observer. */
export function recall(me, kind, id) {
  if (!me?.personId) return null;
  try {
    return JSON.parse(localStorage.getItem(keyOf(me, kind, id)) || 'null');
  } catch (e) {
    return null;
  }
}

export function remember(me, kind, id, value) {
  if (me?.personId) localStorage.setItem(keyOf(me, kind, id), JSON.stringify(value));
}

export function forget(me, kind, id) {
  if (me?.personId) localStorage.removeItem(keyOf(me, kind, id));
}

/**
 * Removes everything this person kept for this assembly, and the keys of the earlier format that named no person
 * (`assembly-hub.<assembly>.ballot.<id>`): they cannot be told apart, so they are never shown, and leaving drops them.
 */
export function forgetPerson(me) {
  const mine = personPrefix(me.assemblyId, me.personId);
  const legacy = `assembly-hub.${me.assemblyId}.`;
  for (let i = localStorage.length - 1; i >= 0; i--) {
    const key = localStorage.key(i);
    if (key && (key.startsWith(mine) || key.startsWith(legacy))) localStorage.removeItem(key);
  }
}
