// What the staff's learning tools share: their memory between draws, focus after an action, the items by id.

/** This tool's memory in ctx.ui (kept between draws, gone with the page): created with initial() the first time. */
export function memory(ctx, name, initial) {
  const key = `learnStaff_${name}`;
  if (!ctx.ui[key]) ctx.ui[key] = initial();
  return ctx.ui[key];
}

/**
 * Moves the focus, once the page is drawn again, to the first of these elements (by id) still there: an
 * action that removed the control the person used must not drop them at the top of the page.
 */
export function focusSoon(...targets) {
  let tries = 0;
  const attempt = () => {
    // The view that shows the result may come a moment after the ack: the first target waits for it a little.
    for (const [i, target] of targets.entries()) {
      const element = document.getElementById(target);
      if (element && (i === 0 || tries >= 8)) {
        element.focus();
        return;
      }
    }
    if (++tries <= 8) setTimeout(attempt, 80);
  };
  setTimeout(attempt, 40);
}

/** Every item of the learning view by id, with its module's title. */
export function itemsById(view) {
  const items = new Map();
  for (const module of view?.learning?.modules || []) {
    for (const item of module.items || []) items.set(item.id, { ...item, moduleTitle: module.title });
  }
  return items;
}

/** Staff in the learning sense: facilitators (in a group or not), the lead and organisers. */
export function isStaff(ctx) {
  return ctx.me?.role === 'facilitator' || ctx.me?.role === 'organiser';
}

/** The phases an item may open with (closed is the end: nothing opens then). */
export const PHASES = ['onboarding', 'learning', 'deliberation', 'decision'];
