/**
 * Service dates are calendar dates in the agency's time zone (Asia/Makassar for Balangan), not
 * instants: a permakanan delivered at 07:00 WITA on 1 July belongs to TW III even though it was
 * still 30 June in UTC.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Building a DateTimeFormat costs far more than using one; there are three agency zones. */
const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * The last date formatted in each zone, with its minute since the epoch. Every zone's offset is
 * a whole number of minutes, so the date cannot change within a minute; formatting, even with a
 * cached format, is a measurable share of recording a service (every request checks its date).
 */
const lastToday = new Map<string, { minute: number; date: string }>();

/** Today's date (YYYY-MM-DD) in `timeZone`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  const last = lastToday.get(timeZone);
  if (last?.minute === minute) return last.date;
  let format = formats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone });
    formats.set(timeZone, format);
  }
  const date = format.format(now);
  lastToday.set(timeZone, { minute, date });
  return date;
}

/** The calendar year now in `timeZone` (a fiscal year is a calendar year). */
export function currentYearIn(timeZone: string, now: Date = new Date()): number {
  return yearOf(todayIn(timeZone, now));
}

/** True for a real calendar date written YYYY-MM-DD (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The fiscal year of a date (the Indonesian fiscal year is the calendar year). */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** Triwulan (quarter, 1–4) of a date. */
export function triwulanOf(date: string): 1 | 2 | 3 | 4 {
  return (Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4;
}
