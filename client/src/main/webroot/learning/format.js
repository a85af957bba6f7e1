// Dates, durations and sizes in the person's language (its locale: fr-FR, en-GB, as the page's language switch says),
// in their own time zone.
import { language, locale, t } from '../i18n/i18n.js';

export { locale };

const NEAR_DAYS = 300;

/** "mardi 6 janvier" / "Tuesday 6 January"; with the year for a date more than about ten months away. */
export function dayText(instant, now = Date.now()) {
  const date = new Date(instant);
  const near = Math.abs(date.getTime() - now) < NEAR_DAYS * 24 * 3600 * 1000;
  return new Intl.DateTimeFormat(locale(), { weekday: 'long', day: 'numeric', month: 'long', ...(near ? {} : { year: 'numeric' }) })
    .format(date);
}

/** "18 h 30" and "18 h" in French (as French typography writes them), "18:30" in English. */
export function timeText(instant) {
  const parts = new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(instant));
  const hour = Number(parts.find((p) => p.type === 'hour')?.value);
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  if (language() === 'fr') return minute === '00' ? `${hour} h` : `${hour} h ${minute}`;
  return `${String(hour).padStart(2, '0')}:${minute}`;
}

/** "mardi 6 janvier, 18 h 30". */
export function dayAndTime(instant, now) {
  return `${dayText(instant, now)}, ${timeText(instant)}`;
}

/** "12 min", "12 min 30 s", "45 s". */
export function durationText(seconds) {
  const s = Math.max(0, Math.round(Number(seconds) || 0));
  const m = Math.floor(s / 60);
  const rest = s % 60;
  if (m === 0) return t('learn.duration.seconds', { s: rest });
  return rest ? t('learn.duration.minutesSeconds', { m, s: rest }) : t('learn.duration.minutes', { m });
}

/** "2,3 Mo" / "2.3 MB". */
export function sizeText(bytes) {
  const units = [['gigabyte', 1e9], ['megabyte', 1e6], ['kilobyte', 1e3]];
  const [unit, size] = units.find(([, n]) => bytes >= n) ?? ['byte', 1];
  return new Intl.NumberFormat(locale(), { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(bytes / size);
}
