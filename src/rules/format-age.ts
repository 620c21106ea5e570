const minute = 60_000;
const hour = 60 * minute;
export const day = 24 * hour;

/** "12 days", "3 hours", "1 minute": the age of a past moment, for debug reasons. */
export function formatAge(ms: number): string {
  const [size, unit] = ms >= day ? [day, 'day'] : ms >= hour ? [hour, 'hour'] : [minute, 'minute'];
  const count = Math.max(0, Math.floor(ms / size));
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** "90 days", "1 day", "0.5 days". */
export const formatDays = (days: number) => `${days} day${days === 1 ? '' : 's'}`;
