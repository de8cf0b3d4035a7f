/** Today's date (YYYY-MM-DD) in the agency's time zone: service dates are local calendar days. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
}
