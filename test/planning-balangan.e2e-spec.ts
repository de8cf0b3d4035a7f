import { Role } from '@pilar/auth';
import {
  ImportRenjaUseCase,
  IndicatorsService,
  loadBalanganRenja,
  RenjaService,
} from '@pilar/planning';
import { TestApp } from '@pilar/testing';

/** The demo agency's plan, loaded through the services the roll-up and the demo reuse. */
describe('Loading the Balangan Renja (e2e)', () => {
  let t: TestApp;
  let load: () => ReturnType<typeof loadBalanganRenja>;

  beforeAll(async () => {
    t = await TestApp.create();
    load = () =>
      loadBalanganRenja(
        { importRenja: t.get(ImportRenjaUseCase), indicators: t.get(IndicatorsService) },
        [2022, 2023],
      );
  });
  afterAll(() => t.close());

  it('loads 2022 and the prakiraan maju 2023 with every row accepted', async () => {
    const results = await load();
    expect(results[2022].counts).toEqual({
      inserted: 41,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      paguMismatches: 0,
    });
    const renja = t.get(RenjaService);
    const tree = await renja.tree(2022);
    expect(Object.fromEntries(tree.programs.map((p) => [p.kode, p.pagu]))).toEqual({
      '1.06.02': 483_725_000n,
      '1.06.04': 900_915_500n,
      '1.06.05': 4_412_192_603n,
      '1.06.06': 270_361_000n,
      '1.06.07': 35_000_000n,
    });
    // 2023 pagu in the source carry sen; the CSV rounds them to whole rupiah.
    expect((await renja.tree(2023)).pagu).toBe(6_407_303_808n);
    expect(await renja.pagu(2023, '1.06.05.2.02.0003')).toBe(4_294_545_153n);
  });

  it('gives the service-measured indicators computable definitions and keeps the rest MANUAL', async () => {
    // 41 indicators; one (L1083) has no 2022 target.
    const indicators = await t.get(IndicatorsService).list(2022);
    expect(indicators).toHaveLength(40);
    const reunifikasi = indicators.find((i) => i.subKegiatanKode === '1.06.04.2.01.0004');
    expect(reunifikasi).toMatchObject({
      name: 'Jumlah anak terlantar yang dilayani',
      unit: 'Orang',
      measure: {
        type: 'DISTINCT_BENEFICIARIES',
        filter: {
          ppks: ['ANAK_TERLANTAR'],
          serviceTypes: ['REUNIFIKASI'],
          subKegiatanKode: '1.06.04.2.01.0004',
        },
      },
    });
    expect(reunifikasi?.targets).toEqual([
      { year: 2022, versi: 'MURNI', annual: '10', triwulan: null, triwulanShares: null },
      { year: 2023, versi: 'MURNI', annual: '10', triwulan: null, triwulanShares: null },
    ]);
    const coverage = indicators.find((i) => i.level === 'PROGRAM' && i.programKode === '1.06.04');
    expect(coverage?.measure).toEqual({
      type: 'RATIO',
      numerator: {
        type: 'DISTINCT_BENEFICIARIES',
        filter: {
          ppks: [
            'LANJUT_USIA_TERLANTAR',
            'PENYANDANG_DISABILITAS',
            'ANAK_TERLANTAR',
            'KORBAN_NAPZA',
            'PEREMPUAN_RAWAN_SOSIAL_EKONOMI',
          ],
          programKode: '1.06.04',
        },
      },
      denominator: {
        type: 'PPKS_POPULATION',
        ppks: [
          'LANJUT_USIA_TERLANTAR',
          'PENYANDANG_DISABILITAS',
          'ANAK_TERLANTAR',
          'KORBAN_NAPZA',
          'PEREMPUAN_RAWAN_SOSIAL_EKONOMI',
        ],
      },
    });
    const manual = indicators.filter((i) => i.measure.type === 'MANUAL');
    expect(manual.map((i) => i.name)).toContain(
      'Jumlah Tenaga Kesejahteraan Sosial Kecamatan (TKSK) yang terampil',
    );
    expect(manual).toHaveLength(20);
    expect(reunifikasi?.accumulation).toBe('SUM');
    expect(coverage?.accumulation).toBe('LATEST');
  });

  it('changes nothing when it runs again', async () => {
    const audits = async (): Promise<number> =>
      (await t.dataSource.query('SELECT count(*)::int AS n FROM audit_entry'))[0].n;
    const before = await audits();
    const again = await load();
    expect(again[2022].counts).toMatchObject({ inserted: 0, updated: 0, unchanged: 41 });
    expect(await audits()).toBe(before);
  });

  it('serves the loaded plan over HTTP', async () => {
    const pimpinan = await t.signIn(Role.Pimpinan);
    const res = await t.http
      .get('/api/v1/renja/2022')
      .auth(pimpinan.token, { type: 'bearer' })
      .expect(200);
    expect(res.body.pagu).toBe(6_102_194_103);
  });
});
