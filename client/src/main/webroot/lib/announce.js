// What changed, said by screen readers: one polite live region for the whole page (a new poll or round, your turn to
// speak, time running out, a help call answered, a hand raised). It is on the page from the start — a live region
// added together with its text is not read — and each message is a new line in it, so the same words said twice
// are read twice. The screen shows the same news in words too: this only makes sure it is heard.
const KEPT = 3;
let region;

function liveRegion() {
  if (region?.isConnected) return region;
  region = document.createElement('div');
  region.className = 'visually-hidden';
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  region.dataset.testid = 'announcer';
  document.body.append(region);
  return region;
}

/** Says text politely (after what the screen reader is saying now). */
export function announce(text) {
  if (!text) return;
  const live = liveRegion();
  const line = document.createElement('p');
  line.textContent = text;
  live.append(line);
  while (live.childElementCount > KEPT) live.firstElementChild.remove();
}

/** Creates the region at once, so that it exists before its first message. */
export function prepareAnnouncer() {
  liveRegion();
}
