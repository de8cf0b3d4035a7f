import { resolveTarget } from './triwulan-targets';

describe(resolveTarget.name, () => {
  it('turns the agencies’ 25/15/35/25 % shares into exact quarter targets', () => {
    expect(resolveTarget({ annual: 12084, triwulanShares: [25, 15, 35, 25] }, 'SUM')).toEqual({
      target: {
        annual: '12084',
        triwulan: ['3021', '1812.6', '4229.4', '3021'],
        triwulanShares: ['25', '15', '35', '25'],
      },
      errors: [],
    });
  });

  it('keeps decimal targets exact: 1,48 × 15 % is 0,222', () => {
    const { target } = resolveTarget({ annual: 1.48, triwulanShares: [25, 15, 35, 25] }, 'LATEST');
    expect(target?.annual).toBe('1.48');
    expect(target?.triwulan).toEqual(['0.37', '0.222', '0.518', '0.37']);
  });

  it('refuses shares that do not add up to 100, naming their sum', () => {
    expect(resolveTarget({ annual: 100, triwulanShares: [25, 15, 30, 25] }, 'SUM').errors).toEqual([
      { field: 'triwulanShares', message: 'must add up to 100 (they add up to 95)' },
    ]);
    // 33.3333 × 3 + 0.0001 is exactly 100: decimal sums, not float sums.
    expect(
      resolveTarget({ annual: 3, triwulanShares: [33.3333, 33.3333, 33.3333, 0.0001] }, 'SUM')
        .errors,
    ).toEqual([]);
  });

  it('requires quarter values of a SUM indicator to add up to the annual target', () => {
    expect(resolveTarget({ annual: 10, triwulan: [2, 2, 2, 2] }, 'SUM').errors).toEqual([
      {
        field: 'triwulan',
        message: 'must add up to the annual target 10 (they add up to 8)',
      },
    ]);
    expect(
      resolveTarget({ annual: 100, triwulan: [100, 100, 100, 100] }, 'LATEST').target?.triwulan,
    ).toEqual(['100', '100', '100', '100']);
  });

  it('refuses both forms at once, negative figures and a wrong number of quarters', () => {
    expect(
      resolveTarget({ annual: 4, triwulan: [1, 1, 1, 1], triwulanShares: [25, 25, 25, 25] }, 'SUM')
        .errors,
    ).toEqual([{ field: 'triwulanShares', message: 'give either triwulan or triwulanShares' }]);
    expect(resolveTarget({ annual: -1 }, 'SUM').errors[0].field).toBe('annual');
    expect(resolveTarget({ annual: 4, triwulan: [1, 1, 2] }, 'SUM').errors[0].field).toBe(
      'triwulan',
    );
    expect(resolveTarget({ annual: 4, triwulan: [1, -1, 2, 2] }, 'LATEST').errors[0].field).toBe(
      'triwulan[1]',
    );
  });

  it('gives no quarters when none are planned', () => {
    expect(resolveTarget({ annual: '600' }, 'SUM').target).toEqual({
      annual: '600',
      triwulan: null,
      triwulanShares: null,
    });
  });
});
