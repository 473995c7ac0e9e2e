/** Go's `time.RFC1123Z` layout for RFC 3339 instants, printed in UTC (kubectl prints the viewer's zone). */

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const two = (n: number): string => String(n).padStart(2, '0');

/** `Mon, 02 Jan 2006 15:04:05 -0700`; a missing or null instant is Go's zero time, `Mon, 01 Jan 0001 00:00:00 +0000`. */
export const rfc1123z = (instant: string | null | undefined): string => {
  const ms = instant === undefined || instant === null ? Number.NaN : Date.parse(instant);
  if (Number.isNaN(ms)) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date(ms);
  const year = String(d.getUTCFullYear()).padStart(4, '0');
  return `${days[d.getUTCDay()]}, ${two(d.getUTCDate())} ${months[d.getUTCMonth()]} ${year} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
};
