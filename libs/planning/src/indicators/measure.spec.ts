import { parseMeasure, withDefaultScope } from './measure';

describe(parseMeasure.name, () => {
  it('reads the measures of api.md and canonicalises nomenclature codes', () => {
    expect(
      parseMeasure({
        type: 'DISTINCT_BENEFICIARIES',
        filter: {
          serviceTypes: ['REUNIFIKASI'],
          ppks: ['ANAK_TERLANTAR'],
          subKegiatanKode: '1.06.04.2.01.04',
        },
      }),
    ).toEqual({
      measure: {
        type: 'DISTINCT_BENEFICIARIES',
        filter: {
          serviceTypes: ['REUNIFIKASI'],
          ppks: ['ANAK_TERLANTAR'],
          subKegiatanKode: '1.06.04.2.01.0004',
        },
      },
      errors: [],
    });
    expect(parseMeasure({ type: 'MANUAL' }).measure).toEqual({ type: 'MANUAL' });
    expect(
      parseMeasure({
        type: 'RATIO',
        numerator: { type: 'DISTINCT_HOUSEHOLDS', filter: { ppks: ['FAKIR_MISKIN'] } },
        denominator: { type: 'PPKS_POPULATION', ppks: ['FAKIR_MISKIN'] },
      }).measure,
    ).toEqual({
      type: 'RATIO',
      numerator: { type: 'DISTINCT_HOUSEHOLDS', filter: { ppks: ['FAKIR_MISKIN'] } },
      denominator: { type: 'PPKS_POPULATION', ppks: ['FAKIR_MISKIN'] },
    });
  });

  it('lists every invalid field with its path', () => {
    const { measure, errors } = parseMeasure({
      type: 'RATIO',
      numerator: { type: 'RATIO' },
      denominator: { type: 'PPKS_POPULATION', ppks: [] },
      extra: 1,
    });
    expect(measure).toBeNull();
    expect(errors.map((e) => e.field).sort()).toEqual([
      'measure.denominator.ppks',
      'measure.extra',
      'measure.numerator.type',
    ]);
  });

  it('refuses PPKS_POPULATION outside a denominator, and an unknown type', () => {
    expect(parseMeasure({ type: 'PPKS_POPULATION', ppks: ['ANAK_TERLANTAR'] }).errors).toEqual([
      { field: 'measure.type', message: expect.stringContaining('DISTINCT_BENEFICIARIES') },
    ]);
    expect(parseMeasure({ type: 'COUNT' }).errors[0].field).toBe('measure.type');
    expect(parseMeasure('EVENTS').errors[0].field).toBe('measure');
  });

  it('checks filter codes for shape and allows one nomenclature node', () => {
    const { errors } = parseMeasure({
      type: 'EVENTS',
      filter: {
        serviceTypes: ['kunjungan'],
        ppks: 'LANSIA',
        kegiatanKode: '1.06.04',
        programKode: '1.06.04',
      },
    });
    expect(errors.map((e) => e.field).sort()).toEqual([
      'measure.filter',
      'measure.filter.kegiatanKode',
      'measure.filter.ppks',
      'measure.filter.serviceTypes[0]',
    ]);
  });
});

describe(withDefaultScope.name, () => {
  it("fills in the indicator's own node when a counting measure names none", () => {
    const measure = { type: 'QUANTITY' as const, filter: { serviceTypes: ['PERMAKANAN'] } };
    expect(
      withDefaultScope(measure, { tingkat: 'SUB_KEGIATAN', kode: '1.06.04.2.01.0001' }),
    ).toEqual({
      type: 'QUANTITY',
      filter: { serviceTypes: ['PERMAKANAN'], subKegiatanKode: '1.06.04.2.01.0001' },
    });
    expect(withDefaultScope({ type: 'AMOUNT' }, { tingkat: 'PROGRAM', kode: '1.06.06' })).toEqual({
      type: 'AMOUNT',
      filter: { programKode: '1.06.06' },
    });
  });

  it('keeps an explicit node, leaves PPKS populations and MANUAL alone, and scopes nothing above programs', () => {
    const ratio = {
      type: 'RATIO' as const,
      numerator: { type: 'EVENTS' as const, filter: { kegiatanKode: '1.06.06.2.01' } },
      denominator: { type: 'PPKS_POPULATION' as const, ppks: ['KORBAN_BENCANA_ALAM'] },
    };
    expect(withDefaultScope(ratio, { tingkat: 'PROGRAM', kode: '1.06.06' })).toEqual(ratio);
    expect(withDefaultScope({ type: 'MANUAL' }, { tingkat: 'PROGRAM', kode: '1.06.06' })).toEqual({
      type: 'MANUAL',
    });
    expect(withDefaultScope({ type: 'EVENTS' }, null)).toEqual({ type: 'EVENTS' });
  });
});
