import { Role } from '@pilar/auth';
import { capaian, IndicatorsService } from '@pilar/planning';
import { TestApp } from '@pilar/testing';

describe('Indicators, targets and manual values (e2e)', () => {
  let t: TestApp;
  let operator: { token: string };
  let pimpinan: { token: string };
  let psm: { token: string };

  const as = (token: string) => ({
    get: (path: string) => t.http.get(`/api/v1${path}`).auth(token, { type: 'bearer' }),
    post: (path: string, body: object) =>
      t.http.post(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body),
    put: (path: string, body: object) =>
      t.http.put(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body),
    patch: (path: string, body: object) =>
      t.http.patch(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body),
  });
  const count = async (table: string): Promise<number> =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  const reunifikasi = {
    name: 'Jumlah anak terlantar yang dilayani',
    level: 'SUB_KEGIATAN',
    subKegiatanKode: '1.06.04.2.01.04',
    unit: 'Orang',
    polarity: 'POSITIVE',
    measure: {
      type: 'DISTINCT_BENEFICIARIES',
      filter: { serviceTypes: ['REUNIFIKASI'], ppks: ['ANAK_TERLANTAR'] },
    },
  };
  let reunifikasiId: string;

  beforeAll(async () => {
    t = await TestApp.create();
    operator = await t.signIn(Role.Operator);
    pimpinan = await t.signIn(Role.Pimpinan);
    psm = await t.signIn(Role.Psm, '63.11.06.2005');
    for (const kode of ['1.06.04.2.01.0001', '1.06.04.2.01.0004', '1.06.06.2.01.0001']) {
      await as(operator.token)
        .put(`/renja/2022/sub-kegiatan/${kode}`, { pagu: 100_000_000 })
        .expect(201);
    }
  });
  afterAll(() => t.close());

  describe('definitions', () => {
    it('creates a sub-kegiatan indicator, filling in its own sub-kegiatan as the default filter', async () => {
      const res = await as(operator.token).post('/indicators', reunifikasi).expect(201);
      reunifikasiId = res.body.id;
      expect(res.body).toMatchObject({
        level: 'SUB_KEGIATAN',
        subKegiatanKode: '1.06.04.2.01.0004',
        kegiatanKode: '1.06.04.2.01',
        programKode: '1.06.04',
        polarity: 'POSITIVE',
        negativeCapaianRule: null,
        accumulation: 'SUM',
        version: 1,
        measure: {
          type: 'DISTINCT_BENEFICIARIES',
          filter: {
            serviceTypes: ['REUNIFIKASI'],
            ppks: ['ANAK_TERLANTAR'],
            subKegiatanKode: '1.06.04.2.01.0004',
          },
        },
        targets: [],
      });
      const [entry] = await t.dataSource.query(
        `SELECT changes FROM audit_entry WHERE action = 'indicator.create' AND entity_id = $1`,
        [reunifikasiId],
      );
      expect(entry.changes.name).toEqual({ before: null, after: reunifikasi.name });
    });

    it('creates a program coverage: served PPKS over the PPKS population, latest by default', async () => {
      const res = await as(operator.token)
        .post('/indicators', {
          name: 'Persentase cakupan PPKS yang mendapatkan pelayanan sosial',
          level: 'PROGRAM',
          programKode: '1.06.04',
          unit: '%',
          polarity: 'POSITIVE',
          measure: {
            type: 'RATIO',
            numerator: {
              type: 'DISTINCT_BENEFICIARIES',
              filter: { ppks: ['LANJUT_USIA_TERLANTAR'] },
            },
            denominator: { type: 'PPKS_POPULATION', ppks: ['LANJUT_USIA_TERLANTAR'] },
          },
        })
        .expect(201);
      expect(res.body).toMatchObject({
        accumulation: 'LATEST',
        measure: {
          numerator: { filter: { ppks: ['LANJUT_USIA_TERLANTAR'], programKode: '1.06.04' } },
          denominator: { type: 'PPKS_POPULATION', ppks: ['LANJUT_USIA_TERLANTAR'] },
        },
      });
    });

    it('refuses unknown service and PPKS types, naming each, and saves nothing', async () => {
      const before = await count('indicator');
      const res = await as(operator.token)
        .post('/indicators', {
          ...reunifikasi,
          name: 'Indikator dengan kode salah',
          measure: {
            type: 'RATIO',
            numerator: { type: 'EVENTS', filter: { serviceTypes: ['REUNIFIKASI', 'SULAP'] } },
            denominator: { type: 'PPKS_POPULATION', ppks: ['ANAK_TERLANTAR', 'NAGA'] },
          },
        })
        .expect(400);
      expect(res.body).toMatchObject({
        code: 'INVALID_INDICATOR_DEFINITION',
        errors: [
          {
            field: 'measure.numerator.filter.serviceTypes[1]',
            message: 'unknown service type SULAP',
          },
          { field: 'measure.denominator.ppks[1]', message: 'unknown PPKS type NAGA' },
        ],
      });
      expect(await count('indicator')).toBe(before);
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'indicator.create'`,
      );
      expect(n).toBe(before);
    });

    it('refuses an unplanned or unknown sub-kegiatan and a node that does not match the level', async () => {
      const unplanned = await as(operator.token)
        .post('/indicators', { ...reunifikasi, subKegiatanKode: '1.06.04.2.01.0010' })
        .expect(400);
      expect(unplanned.body.errors).toEqual([
        {
          field: 'subKegiatanKode',
          message: 'sub-kegiatan 1.06.04.2.01.0010 is in no Renja; enter its pagu first',
        },
      ]);
      const unknownFilter = await as(operator.token)
        .post('/indicators', {
          ...reunifikasi,
          name: 'Lain',
          measure: { type: 'EVENTS', filter: { subKegiatanKode: '1.06.04.2.01.0099' } },
        })
        .expect(400);
      expect(unknownFilter.body.errors).toEqual([
        {
          field: 'measure.filter.subKegiatanKode',
          message: 'sub-kegiatan 1.06.04.2.01.0099 is not in the nomenclature',
        },
      ]);
      const mismatch = await as(operator.token)
        .post('/indicators', { ...reunifikasi, level: 'KEGIATAN', measure: { type: 'MANUAL' } })
        .expect(400);
      expect(mismatch.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'kegiatanKode',
        'subKegiatanKode',
      ]);
      const positiveWithRule = await as(operator.token)
        .post('/indicators', { ...reunifikasi, name: 'X', negativeCapaianRule: 'T_OVER_R' })
        .expect(400);
      expect(positiveWithRule.body.errors[0].field).toBe('negativeCapaianRule');
    });

    it('answers 409 for a second indicator of the same name on the same node', async () => {
      const res = await as(operator.token)
        .post('/indicators', { ...reunifikasi, name: 'JUMLAH ANAK TERLANTAR YANG DILAYANI' })
        .expect(409);
      expect(res.body).toMatchObject({
        code: 'INDICATOR_ALREADY_EXISTS',
        existingId: reunifikasiId,
      });
    });

    it('changes a definition under optimistic locking and audits before/after', async () => {
      const stale = await as(operator.token)
        .patch(`/indicators/${reunifikasiId}`, { version: 7, unit: 'Anak' })
        .expect(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      const invalid = await as(operator.token)
        .patch(`/indicators/${reunifikasiId}`, {
          version: 1,
          measure: { type: 'EVENTS', filter: { ppks: ['X_Y'] } },
        })
        .expect(400);
      expect(invalid.body.errors).toEqual([
        { field: 'measure.filter.ppks[0]', message: 'unknown PPKS type X_Y' },
      ]);
      const res = await as(operator.token)
        .patch(`/indicators/${reunifikasiId}`, { version: 1, unit: 'Anak' })
        .expect(200);
      expect(res.body).toMatchObject({
        unit: 'Anak',
        version: 2,
        measure: { type: 'DISTINCT_BENEFICIARIES' },
      });
      const [entry] = await t.dataSource.query(
        `SELECT changes FROM audit_entry WHERE action = 'indicator.update' AND entity_id = $1`,
        [reunifikasiId],
      );
      expect(entry.changes).toEqual({ unit: { before: 'Orang', after: 'Anak' } });
    });
  });

  describe('targets', () => {
    it('converts triwulan shares 25/15/35/25 into exact quarter targets (201, then 200)', async () => {
      const path = `/indicators/${reunifikasiId}/targets/2022`;
      const body = { annual: 12084, triwulanShares: [25, 15, 35, 25] };
      const res = await as(operator.token).put(path, body).expect(201);
      expect(res.body).toEqual({
        year: 2022,
        versi: 'MURNI',
        annual: 12084,
        triwulan: [3021, 1812.6, 4229.4, 3021],
        triwulanShares: [25, 15, 35, 25],
      });
      await as(operator.token).put(path, body).expect(200);
      const [row] = await t.dataSource.query(
        `SELECT tw2::text, tw3::text FROM indicator_target WHERE indicator_id = $1`,
        [reunifikasiId],
      );
      expect(row).toEqual({ tw2: '1812.6', tw3: '4229.4' });
    });

    it('keeps MURNI and PERUBAHAN targets and reads the latest unless MURNI is asked for', async () => {
      await as(operator.token)
        .put(`/indicators/${reunifikasiId}/targets/2022`, { annual: 10, versi: 'PERUBAHAN' })
        .expect(201);
      const latest = await as(pimpinan.token).get(`/indicators/${reunifikasiId}`).expect(200);
      expect(latest.body.targets).toEqual([
        { year: 2022, versi: 'PERUBAHAN', annual: 10, triwulan: null, triwulanShares: null },
      ]);
      const murni = await as(pimpinan.token)
        .get(`/indicators/${reunifikasiId}?versi=MURNI`)
        .expect(200);
      expect(murni.body.targets[0]).toMatchObject({ versi: 'MURNI', annual: 12084 });
    });

    it('refuses shares that do not add up to 100 and quarters that do not add up to the year', async () => {
      const path = `/indicators/${reunifikasiId}/targets/2022`;
      const shares = await as(operator.token)
        .put(path, { annual: 100, triwulanShares: [25, 15, 30, 25] })
        .expect(400);
      expect(shares.body.errors).toEqual([
        { field: 'triwulanShares', message: 'must add up to 100 (they add up to 95)' },
      ]);
      await as(operator.token)
        .put(path, { annual: 10, triwulan: [1, 2, 3, 3] })
        .expect(400);
      await as(operator.token)
        .put(path, { annual: 10, triwulan: [1, 2, 3, 4], triwulanShares: [25, 25, 25, 25] })
        .expect(400);
      await as(operator.token).put(path, { annual: -1 }).expect(400);
      const murni = await as(pimpinan.token)
        .get(`/indicators/${reunifikasiId}?versi=MURNI`)
        .expect(200);
      expect(murni.body.targets[0].annual).toBe(12084);
    });

    it('answers 409 NO_RENJA_FOR_YEAR for a year without the sub-kegiatan in the Renja', async () => {
      const before = await count('indicator_target');
      const res = await as(operator.token)
        .put(`/indicators/${reunifikasiId}/targets/2031`, { annual: 10 })
        .expect(409);
      expect(res.body).toMatchObject({ code: 'NO_RENJA_FOR_YEAR', year: 2031 });
      expect(await count('indicator_target')).toBe(before);
    });

    it('sets Renstra end-of-period targets and refuses overlapping periods', async () => {
      const path = `/indicators/${reunifikasiId}/renstra-targets`;
      const res = await as(operator.token)
        .put(`${path}/2021`, { endYear: 2026, target: 50 })
        .expect(201);
      expect(res.body).toEqual({ startYear: 2021, endYear: 2026, target: 50 });
      const overlap = await as(operator.token)
        .put(`${path}/2024`, { endYear: 2028, target: 60 })
        .expect(409);
      expect(overlap.body.code).toBe('RENSTRA_PERIOD_OVERLAP');
      await as(operator.token).put(`${path}/2027`, { endYear: 2027, target: 60 }).expect(400);
      await as(operator.token).put(`${path}/2027`, { endYear: 2031, target: 60 }).expect(201);
    });
  });

  describe('a negative MANUAL indicator with decimal figures', () => {
    let id: string;

    it('stores 1,48 exactly and gives capaian 52,00 by the default negative rule', async () => {
      const created = await as(operator.token)
        .post('/indicators', {
          name: 'Persentase perkawinan usia anak',
          level: 'SASARAN',
          unit: '%',
          polarity: 'NEGATIVE',
          measure: { type: 'MANUAL' },
        })
        .expect(201);
      id = created.body.id;
      expect(created.body).toMatchObject({
        negativeCapaianRule: 'TWO_T_MINUS_R',
        accumulation: 'LATEST',
      });
      await as(operator.token).put(`/indicators/${id}/targets/2022`, { annual: 1 }).expect(201);
      const value = await as(operator.token)
        .put(`/indicators/${id}/manual-values/2022/4`, { value: 1.48 })
        .expect(201);
      expect(value.body).toEqual({ year: 2022, triwulan: 4, value: 1.48 });
      const [row] = await t.dataSource.query(
        `SELECT value::text FROM indicator_manual_value WHERE indicator_id = $1`,
        [id],
      );
      expect(row.value).toBe('1.48');
      const definition = await t.get(IndicatorsService).get(id);
      expect(definition.manualValues).toEqual([{ year: 2022, triwulan: 4, value: '1.48' }]);
      expect(
        capaian({
          target: definition.targets[0].annual,
          realisasi: definition.manualValues[0].value,
          polarity: definition.polarity,
          negativeRule: definition.negativeCapaianRule,
        }),
      ).toBe(52);
    });

    it('takes manual values only for MANUAL indicators and planned years', async () => {
      const computed = await as(operator.token)
        .put(`/indicators/${reunifikasiId}/manual-values/2022/1`, { value: 3 })
        .expect(409);
      expect(computed.body.code).toBe('INDICATOR_NOT_MANUAL');
      await as(operator.token)
        .put(`/indicators/${id}/manual-values/2031/1`, { value: 3 })
        .expect(409);
      await as(operator.token)
        .put(`/indicators/${id}/manual-values/2022/5`, { value: 3 })
        .expect(400);
    });
  });

  describe('lists and roles', () => {
    it('lists by year and level in plan order, a page at a time', async () => {
      const year = await as(pimpinan.token).get('/indicators?year=2022').expect(200);
      expect(year.body.items.map((i: { name: string }) => i.name)).toEqual([
        'Persentase perkawinan usia anak',
        'Jumlah anak terlantar yang dilayani',
      ]);
      const first = await as(pimpinan.token).get('/indicators?limit=1').expect(200);
      expect(first.body.items).toHaveLength(1);
      const second = await as(pimpinan.token)
        .get(`/indicators?limit=1&cursor=${first.body.nextCursor}`)
        .expect(200);
      expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
      const programs = await as(pimpinan.token)
        .get('/indicators?level=PROGRAM&kode=1.06.04')
        .expect(200);
      expect(programs.body.items).toHaveLength(1);
      await as(pimpinan.token).get('/indicators?cursor=rusak').expect(400);
    });

    it('lets PIMPINAN read but not write, and keeps field workers out', async () => {
      await as(pimpinan.token).get(`/indicators/${reunifikasiId}`).expect(200);
      await as(pimpinan.token).post('/indicators', reunifikasi).expect(403);
      await as(pimpinan.token)
        .put(`/indicators/${reunifikasiId}/targets/2022`, { annual: 1 })
        .expect(403);
      await as(psm.token).get('/indicators').expect(403);
      await as(psm.token).get(`/indicators/${reunifikasiId}`).expect(403);
    });

    it('answers 404 for an unknown indicator', async () => {
      const res = await as(pimpinan.token)
        .get('/indicators/6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b')
        .expect(404);
      expect(res.body.code).toBe('INDICATOR_NOT_FOUND');
    });
  });
});
