import { randomUUID } from 'node:crypto';
import { TestApp } from '@pilar/testing';
import {
  BALANG,
  bearer,
  caseworkUsers,
  CaseworkUsers,
  PARINGIN,
  planRenja,
  registerPerson,
  thisYear,
} from './casework-fixtures';
import {
  defineIndicator,
  PERMAKANAN_SUB,
  recordService,
  REHSOS_PROGRAM,
  voidService,
  waitForRollup,
} from './rollup-fixtures';

/**
 * Services recorded through the API, the queue and the worker, then figures read back and
 * compared with figures worked out by hand. Last year is used so every triwulan is in the past.
 *
 * People (all lansia terlantar in Balang, kecamatan Paringin): Ani, Budi, Citra served; Dewi
 * registered but never served. Permakanan events:
 *   e1 Ani   10 Feb  TW I    Rp 100.000
 *   e2 Ani   10 May  TW II   Rp 150.000   (a person served twice)
 *   e3 Budi  20 May  TW II   Rp 200.000   (then replayed with the same id: still one event)
 *   e4 Citra 15 Aug  TW III  Rp 999.999   (voided: as if never recorded)
 *   e5 Citra  3 Nov  TW IV   Rp 250.000
 *   e6 Budi  15 Jan  TW I    Rp  50.000   (recorded last, back-dated into TW I)
 */
describe('Roll-up realisasi (e2e, through the API, Redis and the worker)', () => {
  let t: TestApp;
  let u: CaseworkUsers;
  let year: number;
  let people: { ani: string; budi: string; citra: string; dewi: string };
  let ids: { distinct: string; events: string; amount: string; coverage: string };
  const events: Record<string, string> = {};

  const realisasi = async (id: string) =>
    (
      await t.http
        .get(`/api/v1/indicators/${id}/realisasi?year=${year}`)
        .set(bearer(u.pimpinan))
        .expect(200)
    ).body;

  beforeAll(async () => {
    t = await TestApp.create();
    await t.startWorker();
    u = await caseworkUsers(t);
    year = thisYear(t) - 1;
    await planRenja(t, u.admin, year, [PERMAKANAN_SUB]);
    const lansia = {
      ppks: [{ kode: 'LANJUT_USIA_TERLANTAR', since: `${year - 1}-06-01`, terlantar: true }],
    };
    people = {
      ani: await registerPerson(t, u.operator, { name: 'Ani Lestari', ...lansia }),
      budi: await registerPerson(t, u.operator, { name: 'Budi Santoso', ...lansia }),
      citra: await registerPerson(t, u.operator, { name: 'Citra Dewi', ...lansia }),
      dewi: await registerPerson(t, u.operator, { name: 'Dewi Sartika', ...lansia }),
    };
    const permakanan = { filter: { serviceTypes: ['PERMAKANAN'] } };
    ids = {
      distinct: await defineIndicator(
        t,
        u.admin,
        {
          name: 'Jumlah lanjut usia yang terpenuhi kebutuhan dasarnya',
          level: 'SUB_KEGIATAN',
          subKegiatanKode: PERMAKANAN_SUB,
          measure: { type: 'DISTINCT_BENEFICIARIES', ...permakanan },
        },
        { year, annual: 4, triwulan: [1, 1, 1, 1] },
      ),
      events: await defineIndicator(
        t,
        u.admin,
        {
          name: 'Jumlah paket permakanan yang diantar',
          level: 'SUB_KEGIATAN',
          subKegiatanKode: PERMAKANAN_SUB,
          unit: 'Kali',
          measure: { type: 'EVENTS', ...permakanan },
        },
        { year, annual: 8 },
      ),
      amount: await defineIndicator(
        t,
        u.admin,
        {
          name: 'Nilai bantuan permakanan',
          level: 'SUB_KEGIATAN',
          subKegiatanKode: PERMAKANAN_SUB,
          unit: 'Rupiah',
          measure: { type: 'AMOUNT' },
        },
        { year, annual: 1_000_000 },
      ),
      coverage: await defineIndicator(
        t,
        u.admin,
        {
          name: 'Persentase lansia terlantar yang mendapatkan pelayanan sosial',
          level: 'PROGRAM',
          programKode: REHSOS_PROGRAM,
          unit: '%',
          measure: {
            type: 'RATIO',
            numerator: {
              type: 'DISTINCT_BENEFICIARIES',
              filter: { ppks: ['LANJUT_USIA_TERLANTAR'] },
            },
            denominator: { type: 'PPKS_POPULATION', ppks: ['LANJUT_USIA_TERLANTAR'] },
          },
        },
        { year, annual: 100 },
      ),
    };

    const service = (beneficiaryId: string, date: string, amount: number, id?: string) =>
      recordService(t, u.operator, {
        ...(id ? { id } : {}),
        type: 'PERMAKANAN',
        beneficiaryId,
        subKegiatanKode: PERMAKANAN_SUB,
        date: `${year}-${date}`,
        quantity: 1,
        unit: 'paket',
        amount,
      });
    events.e1 = await service(people.ani, '02-10', 100_000);
    events.e2 = await service(people.ani, '05-10', 150_000);
    events.e3 = await service(people.budi, '05-20', 200_000, randomUUID());
    events.e4 = await service(people.citra, '08-15', 999_999);
    events.e5 = await service(people.citra, '11-03', 250_000);
    // The phone did not hear the answer and sends e3 again: the same event, answered 200.
    await t.http
      .post('/api/v1/service-events')
      .set(bearer(u.operator))
      .send({
        id: events.e3,
        type: 'PERMAKANAN',
        beneficiaryId: people.budi,
        subKegiatanKode: PERMAKANAN_SUB,
        date: `${year}-05-20`,
        quantity: 1,
        unit: 'paket',
        amount: 200_000,
      })
      .expect(200);
    await voidService(t, u.operator, events.e4);
    events.e6 = await service(people.budi, '01-15', 50_000);
    await waitForRollup(t, u.admin);
  });
  afterAll(() => t.close());

  it('counts each person once, in the triwulan of their first service of the year', async () => {
    // Ani: 10 Feb (TW I). Budi: 15 Jan (TW I, back-dated; 20 May no longer first). Citra: 3 Nov
    // (TW IV; her 15 Aug service was voided). 3 people against a target of 4 → 75 %.
    expect(await realisasi(ids.distinct)).toMatchObject({
      target: 4,
      targetTriwulan: { tw1: 1, tw2: 1, tw3: 1, tw4: 1 },
      realisasi: { tw1: 2, tw2: 0, tw3: 0, tw4: 1, total: 3 },
      realisasiYtd: { tw1: 2, tw2: 2, tw3: 2, tw4: 3 },
      capaian: 75,
      predikat: 'Sedang',
    });
  });

  it('counts events and sums rupiah per triwulan, without the voided one or the replay', async () => {
    // Events e1, e6 (TW I); e2, e3 (TW II); e5 (TW IV): 5 of a target of 8 → 62,5 %.
    expect(await realisasi(ids.events)).toMatchObject({
      realisasi: { tw1: 2, tw2: 2, tw3: 0, tw4: 1, total: 5 },
      realisasiYtd: { tw1: 2, tw2: 4, tw3: 4, tw4: 5 },
      capaian: 62.5,
      predikat: 'Rendah',
    });
    // TW I 100.000 + 50.000; TW II 150.000 + 200.000; TW IV 250.000 → 750.000 of 1.000.000.
    expect(await realisasi(ids.amount)).toMatchObject({
      realisasi: { tw1: 150_000, tw2: 350_000, tw3: 0, tw4: 250_000, total: 750_000 },
      realisasiYtd: { tw1: 150_000, tw2: 500_000, tw3: 500_000, tw4: 750_000 },
      capaian: 75,
    });
  });

  it('divides the people served by the PPKS population for a RATIO', async () => {
    // 4 lansia terlantar registered; 2 first served in TW I, 1 in TW IV.
    const body = await realisasi(ids.coverage);
    expect(body).toMatchObject({
      target: 100,
      realisasi: { tw1: 50, tw2: 0, tw3: 0, tw4: 25, total: 75 },
      realisasiYtd: { tw1: 50, tw2: 50, tw3: 50, tw4: 75 },
      capaian: 75,
    });
    expect(new Date(body.asOf).getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('reports PPKS coverage and SPM C per kecamatan with the same people', async () => {
    const coverage = await t.http
      .get(`/api/v1/reports/ppks-coverage?year=${year}`)
      .set(bearer(u.pimpinan))
      .expect(200);
    expect(coverage.body).toEqual([
      expect.objectContaining({
        ppks: 'LANJUT_USIA_TERLANTAR',
        wilayahKode: PARINGIN,
        registered: 4,
        served: 3,
        coverage: 75,
      }),
      expect.objectContaining({
        ppks: 'LANJUT_USIA_TERLANTAR',
        wilayahKode: '63.11',
        registered: 4,
        served: 3,
        coverage: 75,
      }),
    ]);
    const spm = await t.http
      .get(`/api/v1/reports/spm?year=${year}`)
      .set(bearer(u.pimpinan))
      .expect(200);
    const c = spm.body.services.find((s: { spm: string }) => s.spm === 'C');
    expect(c).toMatchObject({ needing: 4, served: 3, coverage: 75, target: 100 });
    expect(c.perKecamatan).toEqual([
      expect.objectContaining({ wilayahKode: PARINGIN, needing: 4, served: 3, coverage: 75 }),
    ]);
    expect(spm.body.services.find((s: { spm: string }) => s.spm === 'A')).toMatchObject({
      needing: 0,
      served: 0,
      coverage: null,
    });
  });

  it('puts the figures, pagu and realisasi anggaran in the Renja report', async () => {
    const res = await t.http
      .get(`/api/v1/reports/renja?year=${year}`)
      .set(bearer(u.pimpinan))
      .expect(200);
    const sub = res.body.rows.filter((r: { kode: string }) => r.kode === PERMAKANAN_SUB);
    expect(sub.map((r: { indicatorId: string }) => r.indicatorId)).toEqual([
      ids.distinct,
      ids.events,
      ids.amount,
    ]);
    // Pagu 100.000.000, spent 750.000 → serapan 0,75 %; efisiensi = 75 / 0,75 × 100.
    expect(sub[0]).toMatchObject({
      level: 'SUB_KEGIATAN',
      programKode: REHSOS_PROGRAM,
      kegiatanKode: '1.06.04.2.01',
      subKegiatanKode: PERMAKANAN_SUB,
      target: 4,
      realisasi: { tw1: 2, tw2: 0, tw3: 0, tw4: 1, total: 3 },
      realisasiYtd: { tw1: 2, tw2: 2, tw3: 2, tw4: 3 },
      capaian: 75,
      pagu: 100_000_000,
      realisasiAnggaran: 750_000,
      realisasiAnggaranTriwulan: { tw1: 150_000, tw2: 350_000, tw3: 0, tw4: 250_000 },
      serapan: 0.75,
      efisiensi: 10_000,
    });
    const program = res.body.rows.find((r: { level: string }) => r.level === 'PROGRAM');
    expect(program).toMatchObject({
      kode: REHSOS_PROGRAM,
      indicatorId: ids.coverage,
      realisasi: { total: 75 },
      pagu: 100_000_000,
      realisasiAnggaran: 750_000,
    });
    // The kegiatan's footer: the mean capaian of its sub-kegiatan lines (75, 62,5, 75).
    expect(
      res.body.summaries.find((s: { level: string; kode: string }) => s.kode === '1.06.04.2.01'),
    ).toMatchObject({
      rataRataCapaianKinerja: 70.83,
      predikatKinerja: 'Sedang',
      rataRataCapaianAnggaran: 0.75,
    });
  });

  it('lists the events behind a triwulan figure, marking those that count', async () => {
    const tw1 = await t.http
      .get(`/api/v1/indicators/${ids.distinct}/events?year=${year}&triwulan=1`)
      .set(bearer(u.operator))
      .expect(200);
    expect(tw1.body.items.map((e: { id: string; counted: boolean }) => [e.id, e.counted])).toEqual([
      [events.e6, true],
      [events.e1, true],
    ]);
    const tw2 = await t.http
      .get(`/api/v1/indicators/${ids.distinct}/events?year=${year}&triwulan=2&limit=1`)
      .set(bearer(u.tksk))
      .expect(200);
    expect(tw2.body.items).toEqual([expect.objectContaining({ id: events.e2, counted: false })]);
    const next = await t.http
      .get(
        `/api/v1/indicators/${ids.distinct}/events?year=${year}&triwulan=2&limit=1&cursor=${tw2.body.nextCursor}`,
      )
      .set(bearer(u.tksk))
      .expect(200);
    expect(next.body).toEqual({
      items: [expect.objectContaining({ id: events.e3, counted: false, desaKode: BALANG })],
      nextCursor: null,
    });
  });

  it('keeps personal drill-downs from PIMPINAN and from other wilayah', async () => {
    await t.http
      .get(`/api/v1/indicators/${ids.distinct}/events?year=${year}`)
      .set(bearer(u.pimpinan))
      .expect(403);
    const elsewhere = await t.http
      .get(`/api/v1/indicators/${ids.distinct}/events?year=${year}`)
      .set(bearer(u.psmElsewhere))
      .expect(200);
    expect(elsewhere.body.items).toEqual([]);
  });

  it('says the figures are up to date', async () => {
    const res = await t.http.get('/api/v1/rollup/status').set(bearer(u.pimpinan)).expect(200);
    expect(res.body).toMatchObject({ pending: 0, lagSeconds: 0 });
    expect(res.body.lastRunAt).not.toBeNull();
  });
});
