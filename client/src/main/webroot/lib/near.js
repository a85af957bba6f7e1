// A problem shown where the person is looking: right after the control that caused it (a button, a field, a form),
// announced (role="alert"), tied to the control (aria-describedby), brought into view, and gone when dismissed,
// when the same control acts again, or once the person's next action succeeds. The node is the page's own, beside what lit-html draws: when
// lit-html takes the control away, the message goes with it.
const MESSAGES = new Map(); // anchor → its message node
let counter = 0;

/** The element a message should sit next to: the given one, or the focused control (what was just clicked). */
/** Controls whose value can be wrong: they are marked invalid while a message sits by them. */
const FIELDS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

export function anchorFor(near) {
  if (near instanceof Element) return near;
  const focused = document.activeElement;
  return focused && focused !== document.body && focused !== document.documentElement ? focused : null;
}

/** Shows text next to anchor; returns false when the anchor is no longer on the page (the caller falls back). */
export function showNear(anchor, text, dismissLabel) {
  if (!anchor?.isConnected) return false;
  clearNear(anchor);
  const message = document.createElement('p');
  message.className = 'field-error';
  message.setAttribute('role', 'alert');
  message.dataset.testid = 'field-error';
  message.id = `field-error-${++counter}`;
  const words = document.createElement('span');
  words.textContent = text;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'dismiss';
  close.textContent = '×';
  close.setAttribute('aria-label', dismissLabel);
  close.addEventListener('click', () => {
    clearNear(anchor);
    if (anchor.isConnected) anchor.focus?.();
  });
  message.append(words, close);
  // A button in a row of buttons: under the row, so that the row stays whole.
  const row = anchor.closest('.controls-row');
  if (anchor.tagName === 'FORM') anchor.append(message);
  else (row || anchor).insertAdjacentElement('afterend', message);
  const described = (anchor.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
  anchor.setAttribute('aria-describedby', [...described, message.id].join(' '));
  if (FIELDS.has(anchor.tagName)) anchor.setAttribute('aria-invalid', 'true');
  MESSAGES.set(anchor, message);
  const box = message.getBoundingClientRect();
  if (box.top < 0 || box.bottom > window.innerHeight) message.scrollIntoView({ block: 'center', behavior: 'smooth' });
  return true;
}

export function clearNear(anchor) {
  const message = anchor && MESSAGES.get(anchor);
  if (!message) return;
  MESSAGES.delete(anchor);
  message.remove();
  const rest = (anchor.getAttribute('aria-describedby') || '').split(' ').filter((id) => id && id !== message.id);
  if (rest.length) anchor.setAttribute('aria-describedby', rest.join(' '));
  else anchor.removeAttribute('aria-describedby');
  anchor.removeAttribute('aria-invalid');
}

/** Clears every message (the person's next action went through: what was wrong before is stale). */
export function clearAll() {
  for (const anchor of [...MESSAGES.keys()]) clearNear(anchor);
}
