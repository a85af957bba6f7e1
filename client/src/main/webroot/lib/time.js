// "m:ss" for a duration in milliseconds, never negative: countdowns, turn timers, speaking times.
export function minutesSeconds(ms) {
  const total = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
