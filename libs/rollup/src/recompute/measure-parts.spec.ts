import { measureParts } from './measure-parts';

const row = (level: string, kode: string | null, measure: object) => ({
  id: 'i1',
  level,
  nomenclatureKode: kode,
  measure: measure as never,
});

describe(measureParts.name, () => {
  it('counts a sub-kegiatan indicator on its own sub-kegiatan by default', () => {
    expect(measureParts(row('SUB_KEGIATAN', '1.06.04.2.01.0001', { type: 'EVENTS' }))).toEqual([
      {
        indicatorId: 'i1',
        role: 'VALUE',
        type: 'EVENTS',
        serviceTypes: null,
        ppks: null,
        kodeFrom: '1.06.04.2.01.0001',
        kodeTo: '1.06.04.2.01.0001',
      },
    ]);
  });

  it('takes everything under a kegiatan or program as one range of codes', () => {
    const [part] = measureParts(
      row('PROGRAM', '1.06.04', {
        type: 'DISTINCT_BENEFICIARIES',
        filter: { ppks: ['ANAK_TERLANTAR'], serviceTypes: ['REUNIFIKASI'] },
      }),
    );
    expect(part).toMatchObject({
      kodeFrom: '1.06.04.',
      kodeTo: '1.06.04.~',
      ppks: ['ANAK_TERLANTAR'],
      serviceTypes: ['REUNIFIKASI'],
    });
    // The range holds exactly the program's codes.
    for (const kode of ['1.06.04.2.01', '1.06.04.2.01.0004', '1.06.04.2.02.0012']) {
      expect(kode >= part.kodeFrom && kode <= part.kodeTo).toBe(true);
    }
    for (const kode of ['1.06.04', '1.06.05.2.02.0003', '1.06.03.9.99.9999', '']) {
      expect(kode >= part.kodeFrom && kode <= part.kodeTo).toBe(false);
    }
  });

  it('keeps a filter that names its own node, and counts everything for a SASARAN', () => {
    expect(
      measureParts(
        row('PROGRAM', '1.06.04', {
          type: 'AMOUNT',
          filter: { subKegiatanKode: '1.06.04.2.01.0003' },
        }),
      )[0],
    ).toMatchObject({ kodeFrom: '1.06.04.2.01.0003', kodeTo: '1.06.04.2.01.0003' });
    expect(measureParts(row('SASARAN', null, { type: 'EVENTS' }))[0]).toMatchObject({
      kodeFrom: '',
      kodeTo: '~',
    });
  });

  it('splits a RATIO into a numerator and a denominator, and a MANUAL into nothing', () => {
    const parts = measureParts(
      row('PROGRAM', '1.06.05', {
        type: 'RATIO',
        numerator: { type: 'DISTINCT_HOUSEHOLDS', filter: { ppks: ['FAKIR_MISKIN'] } },
        denominator: { type: 'PPKS_POPULATION', ppks: ['FAKIR_MISKIN'] },
      }),
    );
    expect(parts.map((p) => [p.role, p.type, p.ppks, p.kodeFrom])).toEqual([
      ['VALUE', 'DISTINCT_HOUSEHOLDS', ['FAKIR_MISKIN'], '1.06.05.'],
      ['DENOMINATOR', 'PPKS_POPULATION', ['FAKIR_MISKIN'], ''],
    ]);
    expect(measureParts(row('KEGIATAN', '1.06.04.2.01', { type: 'MANUAL' }))).toEqual([]);
  });
});
