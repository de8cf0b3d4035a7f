import { randomUUID } from 'node:crypto';
import { Role } from '@pilar/auth';
import { SignedInUser, TestApp } from '@pilar/testing';
import { bearer, planRenja, thisYear } from './casework-fixtures';
import { waitForRollup } from './rollup-fixtures';

/** A small deterministic PRNG (mulberry32), so a failure can be replayed with the same seed. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 20260607;
const ROUNDS = 6;
const EVENTS_PER_ROUND = 500;

const SUB_KEGIATAN = [
  '1.06.02.2.01.0001',
  '1.06.02.2.03.0001',
  '1.06.04.2.01.0001',
  '1.06.04.2.01.0003',
  '1.06.04.2.01.0004',
  '1.06.04.2.01.0005',
  '1.06.06.2.01.0001',
];
const SERVICE_TYPES = [
  'PERMAKANAN',
  'ALAT_BANTU',
  'BANTUAN_SOSIAL',
  'BIMBINGAN_SOSIAL',
  'TANGGAP_DARURAT',
  'REUNIFIKASI',
  'PEMBERDAYAAN_KAT',
];
const PERSON_TYPES = [
  'LANJUT_USIA_TERLANTAR',
  'PENYANDANG_DISABILITAS',
  'ANAK_TERLANTAR',
  'GELANDANGAN',
  'KORBAN_NAPZA',
];
const REHSOS = ['LANJUT_USIA_TERLANTAR', 'PENYANDANG_DISABILITAS', 'ANAK_TERLANTAR'];

const ROLLUP_TABLES: [string, string][] = [
  ['rollup_service_fact', 'recipient_id, year, sub_kegiatan_kode, service_type'],
  ['rollup_ppks_member', 'recipient_id, year, ppks_kode'],
  ['rollup_victim', 'recipient_id, year'],
  ['rollup_part_total', 'indicator_id, year, role, triwulan'],
  ['rollup_indicator_cell', 'indicator_id, year, triwulan'],
  ['rollup_anggaran_cell', 'year, sub_kegiatan_kode, triwulan'],
  ['rollup_ppks_coverage', 'year, kecamatan_kode, ppks_kode'],
  ['rollup_spm', 'year, kecamatan_kode, spm'],
];

/**
 * The property: figures maintained incrementally, batch by batch, while services, voids, replays,
 * back-dated entries, PPKS periods, moves and disaster victims arrive in random order, equal a
 * rebuild from the records, cell for cell. The indicators cover every measure type at every level.
 */
describe('Roll-up: incremental equals rebuild (e2e, property)', () => {
  let t: TestApp;
  let admin: SignedInUser;
  let operator: SignedInUser;
  let year: number;
  const random = prng(SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const dateIn = (y: number): string => {
    const day = new Date(Date.UTC(y, 0, 1) + Math.floor(random() * 365) * 86_400_000);
    return day.toISOString().slice(0, 10);
  };

  const snapshot = async (): Promise<Record<string, unknown[]>> => {
    const tables: Record<string, unknown[]> = {};
    for (const [table, order] of ROLLUP_TABLES) {
      tables[table] = await t.dataSource.query(`SELECT * FROM ${table} ORDER BY ${order}`);
    }
    return tables;
  };

  beforeAll(async () => {
    t = await TestApp.create();
    await t.startWorker();
    admin = await t.signIn(Role.Admin);
    operator = await t.signIn(Role.Operator);
    year = thisYear(t) - 1;
    await planRenja(t, admin, year, SUB_KEGIATAN);
  });
  afterAll(() => t.close());

  it('gives exactly the figures of a rebuild, cell for cell', async () => {
    const desa: string[] = (
      await t.dataSource.query(
        `SELECT DISTINCT ON (induk_kode) kode FROM wilayah
         WHERE tingkat = 'DESA' AND kode LIKE '63.11.%' ORDER BY induk_kode, kode LIMIT 5`,
      )
    ).map((r: { kode: string }) => r.kode);
    const api = (method: 'post' | 'patch' | 'put', path: string, body: object) =>
      t.http[method](`/api/v1${path}`).set(bearer(operator)).send(body);
    const created = async (res: Promise<{ status: number; body: { id: string } }>) => {
      const r = await res;
      if (r.status !== 201) throw new Error(JSON.stringify(r.body));
      return r.body.id;
    };

    const indicator = async (body: Record<string, unknown>) =>
      created(
        t.http
          .post('/api/v1/indicators')
          .set(bearer(admin))
          .send({ unit: 'Orang', polarity: 'POSITIVE', ...body }),
      );
    const populationRatio = (types: string[], numerator: Record<string, unknown>) => ({
      type: 'RATIO',
      numerator,
      denominator: { type: 'PPKS_POPULATION', ppks: types },
    });
    await indicator({
      name: 'Lansia mendapat permakanan',
      level: 'SUB_KEGIATAN',
      subKegiatanKode: '1.06.04.2.01.0001',
      measure: { type: 'DISTINCT_BENEFICIARIES', filter: { serviceTypes: ['PERMAKANAN'] } },
    });
    await indicator({
      name: 'Disabilitas dan lansia mendapat alat bantu',
      level: 'SUB_KEGIATAN',
      subKegiatanKode: '1.06.04.2.01.0003',
      measure: {
        type: 'DISTINCT_BENEFICIARIES',
        filter: { ppks: ['PENYANDANG_DISABILITAS', 'LANJUT_USIA_TERLANTAR'] },
      },
    });
    await indicator({
      name: 'Rata-rata rupiah per layanan reunifikasi',
      level: 'SUB_KEGIATAN',
      subKegiatanKode: '1.06.04.2.01.0004',
      unit: '%',
      measure: { type: 'RATIO', numerator: { type: 'AMOUNT' }, denominator: { type: 'EVENTS' } },
    });
    await indicator({
      name: 'Layanan rehsos',
      level: 'KEGIATAN',
      kegiatanKode: '1.06.04.2.01',
      unit: 'Kali',
      measure: { type: 'EVENTS' },
    });
    await indicator({
      name: 'Paket rehsos',
      level: 'KEGIATAN',
      kegiatanKode: '1.06.04.2.01',
      unit: 'Paket',
      measure: { type: 'QUANTITY' },
    });
    await indicator({
      name: 'Rupiah rehsos',
      level: 'PROGRAM',
      programKode: '1.06.04',
      unit: 'Rupiah',
      measure: { type: 'AMOUNT' },
    });
    await indicator({
      name: 'Cakupan PPKS rehsos',
      level: 'PROGRAM',
      programKode: '1.06.04',
      unit: '%',
      measure: populationRatio(REHSOS, {
        type: 'DISTINCT_BENEFICIARIES',
        filter: { ppks: REHSOS },
      }),
    });
    await indicator({
      name: 'Keluarga fakir miskin diberdayakan',
      level: 'PROGRAM',
      programKode: '1.06.02',
      unit: 'KK',
      measure: { type: 'DISTINCT_HOUSEHOLDS', filter: { ppks: ['FAKIR_MISKIN'] } },
    });
    await indicator({
      name: 'Korban bencana dilayani tanggap darurat',
      level: 'PROGRAM',
      programKode: '1.06.06',
      unit: '%',
      measure: populationRatio(['KORBAN_BENCANA_ALAM'], {
        type: 'DISTINCT_BENEFICIARIES',
        filter: { serviceTypes: ['TANGGAP_DARURAT'] },
      }),
    });
    await indicator({
      name: 'Persentase keluarga fakir miskin yang dilayani',
      level: 'SASARAN',
      unit: '%',
      measure: populationRatio(['FAKIR_MISKIN'], {
        type: 'DISTINCT_HOUSEHOLDS',
        filter: { ppks: ['FAKIR_MISKIN'] },
      }),
    });

    // Households (some fakir miskin) and people holding several PPKS types over overlapping periods.
    const households: string[] = [];
    for (let i = 0; i < 30; i++)
      households.push(await created(api('post', '/households', { desaKode: pick(desa) })));
    const people: string[] = [];
    for (let i = 0; i < 120; i++) {
      const ppks = [...new Set([pick(PERSON_TYPES), pick(PERSON_TYPES)])].map((kode, k) => ({
        kode,
        since: k === 0 ? `${year - 1}-03-01` : `${year}-0${1 + Math.floor(random() * 3)}-10`,
        ...(random() < 0.3 ? { until: `${year}-${pick(['04-30', '06-30', '09-30'])}` } : {}),
        terlantar: random() < 0.5,
      }));
      const inHousehold = random() < 0.6;
      people.push(
        await created(
          api('post', '/beneficiaries', {
            name: `Warga ${i} ${randomUUID().slice(0, 6)}`,
            sex: random() < 0.5 ? 'L' : 'P',
            birthDate: `19${40 + Math.floor(random() * 60)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
            desaKode: pick(desa),
            ...(inHousehold ? { householdId: pick(households) } : {}),
            ...(random() < 0.8 ? { ppks } : {}),
          }),
        ),
      );
    }
    for (const household of households.slice(0, 15)) {
      const member = await created(
        api('post', '/beneficiaries', {
          name: `Kepala ${randomUUID().slice(0, 8)}`,
          sex: 'L',
          birthDate: '1970-05-05',
          desaKode: pick(desa),
          householdId: household,
          ppks: [{ kode: 'FAKIR_MISKIN', since: `${year - 2}-01-01` }],
        }),
      );
      people.push(member);
    }
    const disaster = await created(
      api('post', '/disasters', {
        name: 'Banjir Paringin',
        type: 'ALAM',
        startDate: `${year}-09-20`,
        emergencyEndDate: `${year}-10-04`,
        wilayahKode: '63.11',
      }),
    );
    for (const person of people.slice(0, 25)) {
      await t.http
        .post(`/api/v1/disasters/${disaster}/victims`)
        .set(bearer(operator))
        .send({ beneficiaryId: person })
        .expect(201);
    }

    const recorded: string[] = [];
    let lastRoundStart = new Date();
    for (let round = 0; round < ROUNDS; round++) {
      lastRoundStart = new Date();
      const events = Array.from({ length: EVENTS_PER_ROUND }, () => {
        const toHousehold = random() < 0.2;
        return {
          id: randomUUID(),
          type: pick(SERVICE_TYPES),
          ...(toHousehold ? { householdId: pick(households) } : { beneficiaryId: pick(people) }),
          subKegiatanKode: pick(SUB_KEGIATAN),
          date: dateIn(year),
          quantity: 1 + Math.floor(random() * 8) / 2,
          amount: 1000 * Math.floor(random() * 500),
        };
      });
      // Replays: a few events of this round sent again in the same batch and the next one.
      const replays = events.slice(0, 5);
      const batch = await t.http
        .post('/api/v1/service-events/batch')
        .set(bearer(operator))
        .send({ events: [...events, ...replays].slice(0, 500) })
        .expect(200);
      const statuses = batch.body.results.map((r: { status: string }) => r.status);
      expect(statuses.filter((s: string) => s === 'REJECTED')).toEqual([]);
      recorded.push(...events.map((e) => e.id));
      await t.http
        .post('/api/v1/service-events/batch')
        .set(bearer(operator))
        .send({ events: replays })
        .expect(200);

      for (let v = 0; v < 15; v++) {
        await t.http
          .post(`/api/v1/service-events/${pick(recorded)}/void`)
          .set(bearer(operator))
          .send({ reason: 'Salah input' });
      }
      // The registry moves under the figures: periods end, proposals are rejected, people move.
      const person = pick(people);
      const periods = (
        await t.http.get(`/api/v1/beneficiaries/${person}`).set(bearer(operator)).expect(200)
      ).body;
      const period = periods.ppks?.find(
        (p: { verification: string }) => p.verification === 'PROPOSED',
      );
      if (period) {
        if (round % 2 === 0) {
          await api('patch', `/beneficiaries/${person}/ppks/${period.id}`, {
            until: `${year}-0${1 + round}-15`,
          });
        } else {
          await t.http
            .post(`/api/v1/beneficiaries/${person}/ppks/${period.id}/verification`)
            .set(bearer(admin))
            .send({ status: 'REJECTED' });
        }
      }
      const mover = pick(people);
      const current = (
        await t.http.get(`/api/v1/beneficiaries/${mover}`).set(bearer(operator)).expect(200)
      ).body;
      await api('patch', `/beneficiaries/${mover}`, {
        version: current.version,
        desaKode: pick(desa),
        householdId: random() < 0.5 ? pick(households) : null,
      });
      await api('post', `/beneficiaries/${pick(people)}/ppks`, {
        kode: 'KORBAN_BENCANA_ALAM',
        since: `${year}-09-20`,
        until: `${year}-12-31`,
        disasterId: disaster,
      });
    }
    await waitForRollup(t, admin);
    const [{ rebuilt_at: builtAt }] = await t.dataSource.query(
      'SELECT rebuilt_at FROM rollup_year WHERE year = $1',
      [year],
    );
    // The year was computed when its first change arrived: the later rounds went incrementally.
    expect(new Date(builtAt).getTime()).toBeLessThan(lastRoundStart.getTime());
    const incremental = await snapshot();
    expect(incremental.rollup_indicator_cell.length).toBeGreaterThan(30);
    expect(incremental.rollup_spm.length).toBeGreaterThan(0);

    const job = await t.http
      .post('/api/v1/rollup/rebuild')
      .set(bearer(admin))
      .send({ year })
      .expect(202);
    expect(await t.waitForJob(job.body.jobId, admin.token)).toMatchObject({
      status: 'COMPLETED',
    });
    const rebuilt = await snapshot();
    for (const [table] of ROLLUP_TABLES) {
      expect({ table, rows: incremental[table] }).toEqual({ table, rows: rebuilt[table] });
    }

    // And both agree with plain SQL over the events, for the simplest figures.
    const [plain] = await t.dataSource.query(
      `SELECT count(*)::int AS events, sum(amount)::bigint AS amount,
              count(DISTINCT beneficiary_id) FILTER (WHERE service_type = 'PERMAKANAN'
                AND sub_kegiatan_kode = '1.06.04.2.01.0001')::int AS permakanan
       FROM service_event WHERE voided_at IS NULL AND sub_kegiatan_kode LIKE '1.06.04.%'
         AND extract(year FROM event_date) = $1`,
      [year],
    );
    const [cells] = await t.dataSource.query(
      `SELECT
         (SELECT value_ytd FROM rollup_indicator_cell c JOIN indicator i ON i.id = c.indicator_id
          WHERE i.name = 'Layanan rehsos' AND c.year = $1 AND c.triwulan = 4)::int AS events,
         (SELECT value_ytd FROM rollup_indicator_cell c JOIN indicator i ON i.id = c.indicator_id
          WHERE i.name = 'Rupiah rehsos' AND c.year = $1 AND c.triwulan = 4)::bigint AS amount,
         (SELECT value_ytd FROM rollup_indicator_cell c JOIN indicator i ON i.id = c.indicator_id
          WHERE i.name = 'Lansia mendapat permakanan' AND c.year = $1 AND c.triwulan = 4)::int AS permakanan`,
      [year],
    );
    expect(cells).toEqual(plain);
    // Thousands of events through the API and the worker: minutes on a small, busy machine.
  }, 900_000);

  it('keeps the facts of other years and their indexes; rewriting every fact builds the indexes anew', async () => {
    const indexes = async (): Promise<{ name: string; def: string; oid: number }[]> =>
      t.dataSource.query(
        `SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS def,
                indexrelid::int AS oid
         FROM pg_index WHERE indrelid = 'rollup_service_fact'::regclass ORDER BY name`,
      );
    const rebuild = async (body: object): Promise<void> => {
      const job = await t.http.post('/api/v1/rollup/rebuild').set(bearer(admin)).send(body);
      expect(await t.waitForJob(job.body.jobId, admin.token)).toMatchObject({
        status: 'COMPLETED',
      });
    };
    // Visits the year before (paid by no sub-kegiatan), so the facts span two years.
    const people: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM beneficiary WHERE desa_kode LIKE '63.11.%' ORDER BY id LIMIT 3`,
    );
    for (const { id } of people) {
      await t.http
        .post('/api/v1/service-events')
        .set(bearer(operator))
        .send({ type: 'KUNJUNGAN', beneficiaryId: id, date: `${year - 1}-05-20` })
        .expect(201);
    }
    await waitForRollup(t, admin);
    const before = await snapshot();
    const [{ years }] = await t.dataSource.query(
      'SELECT array_agg(DISTINCT year ORDER BY year)::int[] AS years FROM rollup_service_fact',
    );
    expect(years).toEqual([year - 1, year]);
    const built = await indexes();
    expect(built.map((i) => i.name)).toEqual([
      'rollup_service_fact_household_idx',
      'rollup_service_fact_pkey',
    ]);

    // One year among others: its facts replaced row by row, the indexes kept.
    await rebuild({ year });
    expect(await snapshot()).toEqual(before);
    expect(await indexes()).toEqual(built);

    // Every year: the table emptied and filled without indexes, which are then built again,
    // exactly as the migrations define them.
    await rebuild({});
    expect(await snapshot()).toEqual(before);
    const rebuilt = await indexes();
    expect(rebuilt.map(({ name, def }) => ({ name, def }))).toEqual(
      built.map(({ name, def }) => ({ name, def })),
    );
    for (const [i, index] of rebuilt.entries()) expect(index.oid).not.toBe(built[i].oid);
    const [pk] = await t.dataSource.query(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE conrelid = 'rollup_service_fact'::regclass AND contype = 'p'`,
    );
    expect(pk.def).toBe('PRIMARY KEY (recipient_id, year, sub_kegiatan_kode, service_type)');
  });

  it('rebuilds every year when no year is given', async () => {
    const job = await t.http.post('/api/v1/rollup/rebuild').set(bearer(admin)).send({}).expect(202);
    const done = await t.waitForJob(job.body.jobId, admin.token);
    expect(done).toMatchObject({ status: 'COMPLETED' });
    await t.http.post('/api/v1/rollup/rebuild').set(bearer(operator)).send({}).expect(403);
  });
});
