// "No accidents": an action that is hard to take back (ending the session, bringing everyone back, a new link…) waits
// a few seconds with an "Undo" button before it is sent. The pending actions are shown at the top of the screen
// (role="status"), Escape cancels the newest, "Do it now" sends at once.
const DELAY_MS = 5000;
const pending = []; // { id, label, at, timer, run }
let counter = 0;
let changed = () => {};

/** What the page redraws with when the list changes (the app sets it once). */
export function onPendingChange(redraw) {
  changed = redraw;
}

/**
 * Runs `run` in a few seconds unless undone (then `onUndo`); label says what will happen ("les groupes vont
 * fermer").
 */
export function later(label, run, onUndo = () => {}, delay = DELAY_MS) {
  const action = { id: ++counter, label, at: Date.now() + delay, run, onUndo };
  action.timer = setTimeout(() => now(action.id), delay);
  pending.push(action);
  changed();
  return action.id;
}

export function undo(id) {
  const i = pending.findIndex((a) => a.id === id);
  if (i < 0) return;
  const [action] = pending.splice(i, 1);
  clearTimeout(action.timer);
  changed();
  action.onUndo();
}

export function now(id) {
  const i = pending.findIndex((a) => a.id === id);
  if (i < 0) return;
  const [action] = pending.splice(i, 1);
  clearTimeout(action.timer);
  changed();
  action.run();
}

/** Cancels the newest pending action (Escape); true when there was one. */
export function undoLatest() {
  if (!pending.length) return false;
  undo(pending[pending.length - 1].id);
  return true;
}

/** The pending actions, each with the seconds it still waits. */
export function pendingActions() {
  return pending.map((a) => ({ id: a.id, label: a.label, seconds: Math.max(0, Math.ceil((a.at - Date.now()) / 1000)) }));
}
