import { maskIdentityNumber, nikProblems, noKkProblem, parseNik } from './nik';

const TODAY = '2026-11-25';

describe(parseNik.name, () => {
  it('reads a man: kecamatan, birth date and serial', () => {
    expect(parseNik('6311061708470001', TODAY)).toEqual({
      ok: true,
      parts: {
        kecamatanKode: '63.11.06',
        day: 17,
        month: 8,
        twoDigitYear: 47,
        birthDate: '1947-08-17',
        sex: 'L',
        serial: '0001',
      },
    });
  });

  it('reads a woman from the day plus 40', () => {
    const parsed = parseNik('6311015708850003', TODAY);
    expect(parsed).toMatchObject({ ok: true, parts: { day: 17, sex: 'P' } });
  });

  it('puts a two-digit year in this century unless that date is in the future', () => {
    const child = parseNik('6311060101200001', TODAY);
    const elder = parseNik('6311060101300001', TODAY);
    expect(child.ok && child.parts.birthDate).toBe('2020-01-01');
    expect(elder.ok && elder.parts.birthDate).toBe('1930-01-01');
    // Later this year is still in the future: 26 November 2026 must be 1926.
    const tomorrow = parseNik('6311062611260001', TODAY);
    expect(tomorrow.ok && tomorrow.parts.birthDate).toBe('1926-11-26');
    const today = parseNik('6311062511260001', TODAY);
    expect(today.ok && today.parts.birthDate).toBe('2026-11-25');
  });

  it.each([
    ['631106170847001', 'must be 16 digits; it has 15'],
    ['63110617084700012', 'must be 16 digits; it has 17'],
    ['6311O61708470001', 'must be 16 digits; it contains other characters'],
    ['63.11.06.170847.0', 'must be 16 digits; it contains other characters'],
  ])('rejects %p: %s', (nik, reason) => {
    expect(parseNik(nik, TODAY)).toEqual({ ok: false, reason });
  });

  it.each([
    ['6311060008470001', /digits 7–8 \(day of birth\) are 00/],
    ['6311063508470001', /digits 7–8 \(day of birth\) are 35: neither a day/],
    ['6311067508470001', /are 75/],
    ['6311061713470001', /digits 9–10 \(month of birth\) are 13, not a month/],
    ['6311061700470001', /month of birth\) are 00/],
    ['6311063102900001', /the birth date in the NIK, 31-02-90, is not a real date/],
    ['6311067102900001', /31-02-90, is not a real date/],
    ['6311062902010001', /29-02-01, is not a real date/],
    ['6311061708470000', /serial number\) are 0000, which is never issued/],
  ])('rejects %p', (nik, reason) => {
    const parsed = parseNik(nik, TODAY);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toMatch(reason);
  });

  it('accepts 29 February of a leap year', () => {
    expect(parseNik('6311066902000001', TODAY)).toMatchObject({
      ok: true,
      parts: { birthDate: '2000-02-29', sex: 'P' },
    });
  });
});

describe(nikProblems.name, () => {
  it('finds nothing wrong when birth date and sex agree', () => {
    expect(nikProblems('6311061708470001', { birthDate: '1947-08-17', sex: 'L' }, TODAY)).toEqual(
      [],
    );
    expect(nikProblems('6311015708850003', { birthDate: '1985-08-17', sex: 'P' }, TODAY)).toEqual(
      [],
    );
  });

  it('names both dates when the birth date disagrees', () => {
    expect(nikProblems('6311061708470001', { birthDate: '1948-08-17', sex: 'L' }, TODAY)).toEqual([
      'the birth date in the NIK is 17-08-1947 but birthDate is 1948-08-17',
    ]);
    expect(nikProblems('6311061708470001', { birthDate: '1947-07-17', sex: 'L' }, TODAY)).toEqual([
      'the birth date in the NIK is 17-08-1947 but birthDate is 1947-07-17',
    ]);
  });

  it('accepts a centenarian whose two-digit year the NIK cannot tell apart', () => {
    expect(nikProblems('6311060101250001', { birthDate: '1925-01-01', sex: 'L' }, TODAY)).toEqual(
      [],
    );
  });

  it('says whose NIK it is when the sex disagrees', () => {
    expect(nikProblems('6311015708850003', { birthDate: '1985-08-17', sex: 'L' }, TODAY)).toEqual([
      "the NIK is a woman's (day 57 = 17 + 40) but sex is L",
    ]);
    expect(nikProblems('6311061708470001', { birthDate: '1947-08-17', sex: 'P' }, TODAY)).toEqual([
      "the NIK is a man's (day 17; a woman's has 40 added) but sex is P",
    ]);
  });

  it('reports every disagreement at once', () => {
    expect(
      nikProblems('6311061708470001', { birthDate: '1950-01-01', sex: 'P' }, TODAY),
    ).toHaveLength(2);
  });

  it('reports a malformed NIK as its only problem', () => {
    expect(nikProblems('123', { birthDate: '1950-01-01', sex: 'P' }, TODAY)).toEqual([
      'must be 16 digits; it has 3',
    ]);
  });
});

describe(noKkProblem.name, () => {
  it('accepts 16 digits and rejects anything else', () => {
    expect(noKkProblem('6311062001090002')).toBeNull();
    expect(noKkProblem('631106200109000')).toBe('must be 16 digits; it has 15');
    expect(noKkProblem('6311-62001090002')).toBe('must be 16 digits; it contains other characters');
  });
});

describe(maskIdentityNumber.name, () => {
  it('keeps the first and last four digits', () => {
    expect(maskIdentityNumber('6311061708470001')).toBe('6311********0001');
    expect(maskIdentityNumber(null)).toBeNull();
  });
});
