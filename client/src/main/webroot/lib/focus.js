// Keyboard focus survives a redraw. When a redraw removes the focused control (a "Raise my hand" that becomes
// "Lower my hand" in another template, a form replaced by its receipt), focus would fall to the page's body and a
// keyboard or screen-reader user would be thrown back to the top. Then it goes, in this order, to the element that
// now carries the same data-focus key, to the first control left in the nearest part of the page that is still
// there, or to that part's heading.
const CONTROLS = 'button:not([disabled]), [href], input:not([disabled]):not([type=hidden]), select:not([disabled]),'
  + ' textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/** Where focus is before a redraw of root (null when it is not in root). */
export function focusPlace(root) {
  const focused = document.activeElement;
  if (!focused || focused === document.body || !root.contains(focused)) return null;
  const ancestors = [];
  for (let a = focused.parentElement; a && a !== root; a = a.parentElement) ancestors.push(a);
  return { focused, key: focused.dataset.focus, ancestors };
}

function lost() {
  const active = document.activeElement;
  return !active || active === document.body || active === document.documentElement;
}

/** After the redraw: if focus fell to the body, puts it back somewhere sensible (see above). */
export function keepFocus(root, place) {
  if (!place || !lost()) return;
  const candidates = [];
  if (place.key) candidates.push(root.querySelector(`[data-focus="${CSS.escape(place.key)}"]`));
  if (place.focused.isConnected) candidates.push(place.focused);
  for (const part of place.ancestors) {
    if (!part.isConnected) continue;
    candidates.push(...part.querySelectorAll(CONTROLS));
    const heading = part.querySelector('h2, h3, h4');
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      candidates.push(heading);
    }
  }
  for (const candidate of candidates) {
    if (!candidate || candidate.offsetParent === null) continue;
    candidate.focus({ preventScroll: true });
    if (!lost()) return;
  }
}
