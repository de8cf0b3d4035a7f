import type { Client } from 'pg';

/** The bench year: the demo agency's Renja (Balangan 2022), loaded by planning's loader. */
export const BENCH_YEAR = 2022;

/**
 * The sub-kegiatan of the Renja that services are recorded against, the service each delivers
 * and its rupiah per delivery (as in the demo agency).
 */
export const BENCH_SERVICES: [subKegiatanKode: string, serviceType: string, amount: number][] = [
  ['1.06.04.2.01.0001', 'PERMAKANAN', 70_000],
  ['1.06.04.2.01.0003', 'ALAT_BANTU', 950_000],
  ['1.06.04.2.01.0004', 'REUNIFIKASI', 4_500_000],
  ['1.06.04.2.01.0005', 'BIMBINGAN_SOSIAL', 1_200_000],
  ['1.06.04.2.01.0006', 'BANTUAN_SOSIAL', 450_000],
  ['1.06.04.2.01.0009', 'LAYANAN_DATA_PENGADUAN', 0],
  ['1.06.02.2.01.0002', 'PEMBERDAYAAN_KAT', 70_000],
  ['1.06.05.2.02.0002', 'LAYANAN_DATA_PENGADUAN', 150_000],
  ['1.06.05.2.02.0003', 'BANTUAN_SOSIAL', 1_250_000],
  ['1.06.06.2.01.0001', 'TANGGAP_DARURAT', 500_000],
];

const PERSON_TYPES = [
  'LANJUT_USIA_TERLANTAR',
  'PENYANDANG_DISABILITAS',
  'ANAK_TERLANTAR',
  'PEREMPUAN_RAWAN_SOSIAL_EKONOMI',
  'KORBAN_NAPZA',
  'GELANDANGAN',
  'PENGEMIS',
  'KORBAN_BENCANA_ALAM',
];

export interface Population {
  people: number;
  households: number;
  events: number;
}

/**
 * Generates a kabupaten's registry and `events` service events set-based (INSERT … SELECT
 * generate_series), never through the API. Each person has a usual sub-kegiatan (70 % of their
 * services) as real recipients do; 10 % of services go to households, 2 % are voided. The
 * indexes of service_event are dropped during the insert and rebuilt after, as a bulk load does.
 */
export async function generatePopulation(
  pg: Client,
  events: number,
  recordedBy: string,
): Promise<Population> {
  const people = Math.max(1_000, Math.round(events / 20));
  const households = Math.round(people / 3);
  // Deterministic ids in UUID v4 form (the API validates ids as UUIDs).
  await pg.query(`
    CREATE FUNCTION pg_temp.bench_uuid(seed text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
      SELECT overlay(overlay(md5(seed) PLACING '4' FROM 13) PLACING '8' FROM 17)::uuid
    $$`);
  await pg.query(`
    CREATE TEMP TABLE bench_desa AS
    SELECT (row_number() OVER (ORDER BY kode) - 1)::int AS n, kode FROM wilayah
    WHERE tingkat = 'DESA' AND kode LIKE '63.11.%'`);
  const [{ d }] = (await pg.query<{ d: number }>('SELECT count(*)::int AS d FROM bench_desa')).rows;
  await pg.query(
    `INSERT INTO household (id, desa_kode)
     SELECT pg_temp.bench_uuid('h' || g), d.kode FROM generate_series(0, $1 - 1) AS g
     JOIN bench_desa d ON d.n = g % $2`,
    [households, d],
  );
  await pg.query(
    `INSERT INTO beneficiary (id, name, sex, birth_date, desa_kode, household_id)
     SELECT pg_temp.bench_uuid('p' || g), 'Warga Bench ' || g, CASE WHEN g % 2 = 0 THEN 'L' ELSE 'P' END,
            date '1940-01-01' + (g % 25000),
            d.kode, CASE WHEN in_household THEN pg_temp.bench_uuid('h' || (g % $2)) END
     FROM generate_series(0, $1 - 1) AS g
     CROSS JOIN LATERAL (SELECT g % 10 < 7 AS in_household) AS h
     JOIN bench_desa d ON d.n = CASE WHEN in_household THEN (g % $2) % $3 ELSE g % $3 END`,
    [people, households, d],
  );
  // Half the people hold a PPKS type; every tenth household is fakir miskin.
  await pg.query(
    `INSERT INTO ppks_classification (beneficiary_id, ppks_kode, since, source, terlantar,
       verification, reviewed_by, reviewed_at)
     SELECT pg_temp.bench_uuid('p' || g), ($2::text[])[1 + (g / 2) % cardinality($2::text[])],
            date '2019-01-01' + (g % 1400), 'ASSESSMENT', g % 3 = 0, 'VERIFIED', $3, now()
     FROM generate_series(0, $1 - 1, 2) AS g`,
    [people, PERSON_TYPES, recordedBy],
  );
  await pg.query(
    `INSERT INTO ppks_classification (household_id, ppks_kode, since, source, verification)
     SELECT pg_temp.bench_uuid('h' || g), 'FAKIR_MISKIN', date '2020-01-01', 'DTKS', 'PROPOSED'
     FROM generate_series(0, $1 - 1, 10) AS g`,
    [households],
  );

  await pg.query(
    `CREATE TEMP TABLE bench_service AS
     SELECT (s.ord - 1)::int AS n, s.kode, s.service_type, s.amount
     FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (kode text, service_type text, amount bigint))
       WITH ORDINALITY AS s(kode, service_type, amount, ord)`,
    [
      JSON.stringify(
        BENCH_SERVICES.map(([kode, service_type, amount]) => ({ kode, service_type, amount })),
      ),
    ],
  );
  const indexes = (
    await pg.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes
       WHERE tablename = 'service_event' AND indexname <> 'service_event_pkey'`,
    )
  ).rows;
  for (const index of indexes) await pg.query(`DROP INDEX ${index.name}`);
  await pg.query(
    `INSERT INTO service_event (id, payload_hash, service_type, beneficiary_id, household_id,
       sub_kegiatan_kode, event_date, quantity, unit, amount, desa_kode, recorded_by, recorded_at,
       voided_at, voided_by, void_reason)
     SELECT pg_temp.bench_uuid('e' || g), 'bench', s.service_type,
            CASE WHEN to_household THEN NULL ELSE pg_temp.bench_uuid('p' || person) END,
            CASE WHEN to_household THEN pg_temp.bench_uuid('h' || (person % $3)) END,
            s.kode, date '${BENCH_YEAR}-01-01' + (r.h2 % 365)::int, 1 + r.h2 % 3, 'paket', s.amount,
            d.kode, $4, now(),
            CASE WHEN voided THEN now() END, CASE WHEN voided THEN $4::uuid END,
            CASE WHEN voided THEN 'Salah input' END
     FROM generate_series(1, $1) AS g
     CROSS JOIN LATERAL (SELECT abs(hashint4(g)) AS h1, abs(hashint8(g::bigint * 7919)) AS h2) AS r
     CROSS JOIN LATERAL (SELECT r.h1 % $2 AS person,
                                r.h2 % 10 = 9 AND (r.h1 % $2) % 10 < 7 AS to_household,
                                r.h1 % 50 = 0 AS voided) AS p
     JOIN bench_service s
       ON s.n = CASE WHEN r.h2 % 10 < 7 THEN person % $5 ELSE (r.h2 / 10) % $5 END
     JOIN bench_desa d ON d.n = CASE WHEN person % 10 < 7 THEN (person % $3) % $6 ELSE person % $6 END`,
    [events, people, households, recordedBy, BENCH_SERVICES.length, d],
  );
  for (const index of indexes) await pg.query(index.def);
  // The registry's generated periods are in the figures the rebuild computes; nothing to drain.
  await pg.query('DELETE FROM outbox');
  // As after any bulk load: rows marked visible once (not by whichever query reads them first,
  // dirtying every page again under the measurement), statistics fresh, the load's dirty pages
  // written out before anything is timed.
  await pg.query('VACUUM (ANALYZE)');
  await pg.query('CHECKPOINT');
  return { people, households, events };
}
