/** The calendar year now in the agency's time zone (a fiscal year is a calendar year). */
export function currentYearIn(timeZone: string, now: Date = new Date()): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(now));
}
