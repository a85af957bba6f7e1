// Text being written, kept in this browser until the hub has it: a reload, a lost connection or a move between
// audiences must never cost anyone what they typed. Kept for one person in one assembly only (shared family tablets,
// library computers): the keys have the same form as lib/device.js's, so "Leave this device" (forgetPerson) removes
// them with the rest of the person's data. A form forgets its text only once the hub acknowledged the command.
const PREFIX = 'assembly-hub/';

const keyOf = (me, key) => PREFIX + [me.assemblyId, me.personId, 'kept', key].map((p) => encodeURIComponent(String(p))).join('/');

function store(action) {
  try {
    return action(localStorage);
  } catch (e) {
    return null; // storage full or refused (private mode): the text stays in the form, as before
  }
}

/**
 * This person's kept texts: keep(key, text) (an empty text is forgotten), restore(key) (the text, or null),
 * forget(key), and forgetAll(start) for every key beginning with start (a form's fields). For a public observer,
 * nothing is kept and nothing is restored.
 */
export function keptDrafts(me) {
  const person = Boolean(me?.assemblyId && me?.personId);
  const api = {
    keep(key, text) {
      if (!person) return;
      if (text === undefined || text === null || String(text).trim() === '') api.forget(key);
      else store((s) => s.setItem(keyOf(me, key), String(text)));
    },
    restore(key) {
      return person ? store((s) => s.getItem(keyOf(me, key))) : null;
    },
    forget(key) {
      if (person) store((s) => s.removeItem(keyOf(me, key)));
    },
    forgetAll(start) {
      if (!person) return;
      const begins = keyOf(me, start);
      store((s) => {
        for (let i = s.length - 1; i >= 0; i--) {
          const k = s.key(i);
          if (k && k.startsWith(begins)) s.removeItem(k);
        }
      });
    },
    /** Whether anything is kept under keys beginning with start. */
    has(start) {
      if (!person) return false;
      const begins = keyOf(me, start);
      return Boolean(store((s) => {
        for (let i = 0; i < s.length; i++) if (s.key(i)?.startsWith(begins)) return true;
        return false;
      }));
    },
  };
  return api;
}

/** An input listener for a whole form: keeps each named field as it is typed in, under start + the field's name. */
export function keepTyping(kept, start) {
  return (e) => {
    const field = e.target;
    if (field?.name && (field.tagName === 'TEXTAREA' || field.type === 'text' || field.type === 'search' || !field.type)) {
      kept.keep(start + field.name, field.value);
    }
  };
}
