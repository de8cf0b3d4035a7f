import { currentYearIn, isCalendarDate, todayIn, triwulanOf, yearOf } from './calendar';

describe('calendar', () => {
  it('gives today in the agency time zone, not UTC', () => {
    // 30 June 23:30 UTC is already 1 July 07:30 in Makassar (UTC+8), still 30 June in Jakarta.
    const instant = new Date('2026-06-30T23:30:00Z');
    expect(todayIn('Asia/Makassar', instant)).toBe('2026-07-01');
    expect(todayIn('Asia/Jakarta', instant)).toBe('2026-07-01');
    expect(todayIn('Asia/Jakarta', new Date('2026-06-30T16:59:00Z'))).toBe('2026-06-30');
    expect(todayIn('Asia/Jayapura', new Date('2026-06-30T15:00:00Z'))).toBe('2026-07-01');
  });

  it('turns the date at local midnight, though each minute keeps the date it had', () => {
    // 23:59:59.999 and then 00:00 WITA, in consecutive minutes; then back within the first one.
    expect(todayIn('Asia/Makassar', new Date('2026-06-30T15:59:00.000Z'))).toBe('2026-06-30');
    expect(todayIn('Asia/Makassar', new Date('2026-06-30T15:59:59.999Z'))).toBe('2026-06-30');
    expect(todayIn('Asia/Makassar', new Date('2026-06-30T16:00:00.000Z'))).toBe('2026-07-01');
    expect(todayIn('Asia/Makassar', new Date('2026-06-30T15:59:30.000Z'))).toBe('2026-06-30');
  });

  it('gives the year in the agency time zone: new year comes to Jayapura first', () => {
    const instant = new Date('2026-12-31T16:30:00Z');
    expect(currentYearIn('Asia/Jayapura', instant)).toBe(2027);
    expect(currentYearIn('Asia/Jakarta', instant)).toBe(2026);
  });

  it.each(['2026-02-28', '2024-02-29', '2026-12-31'])('accepts the calendar date %s', (d) => {
    expect(isCalendarDate(d)).toBe(true);
  });

  it.each([
    '2026-02-29',
    '2023-02-29',
    '2026-13-01',
    '2026-04-31',
    '26-01-01',
    '2026-1-1',
    '2026-01-01T00:00',
  ])('refuses %s', (d) => {
    expect(isCalendarDate(d)).toBe(false);
  });

  it('puts dates in their year and triwulan', () => {
    expect(yearOf('2026-03-31')).toBe(2026);
    expect([
      triwulanOf('2026-01-01'),
      triwulanOf('2026-03-31'),
      triwulanOf('2026-04-01'),
      triwulanOf('2026-09-30'),
      triwulanOf('2026-10-01'),
      triwulanOf('2026-12-31'),
    ]).toEqual([1, 1, 2, 3, 4, 4]);
  });
});
