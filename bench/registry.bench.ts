/*
 * Registry at kabupaten scale: import BENCH_PEOPLE (default 1,000,000) people from a DTKS-style
 * CSV through the real API and a worker in its own process, next to a bare COPY of the same
 * file, and next to the same people inserted into the real `beneficiary` table alone (the floor any
 * import stands on); the worker's peak memory; name search and NIK lookup latency over the result.
 *   npm run bench registry                 (BENCH_PEOPLE=20000 for a quick run)
 * With BENCH_ROLLUP_CATCHUP=1 it also waits, after the first import, until the roll-up has
 * drained the outbox rows the import wrote (its PPKS periods), and reports how long that took.
 */
import { mkdirSync, openAsBlob, statSync, createReadStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { ApiModule } from '@pilar/api/api.module';
import { configureApp, createHttpAdapter, NEST_APP_OPTIONS } from '@pilar/api/configure-app';
import { Role, UsersService } from '@pilar/auth';
import { AppConfig } from '@pilar/core';
import { NAME_MIN_SIMILARITY } from '@pilar/registry';
import { testConfig } from '@pilar/testing';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { benchDatabase, percentile, report, timed } from './support';
import { HEADER, Person, writePopulation } from './registry/population';
import { beneficiaryTableFloor } from './registry/table-floor';
import { AppProcess, buildApps, productionEnvironment } from './app-process';

const KABUPATEN = '63.11';
const SEARCHES = 300;

interface JobRunRow {
  ms: number;
  phases: Record<string, number> | null;
}

interface JobView {
  status: string;
  progress: number;
  counts: Record<string, number>;
  error: string | null;
}

const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** One typo, as people type names: a doubled or dropped letter, a swapped vowel. */
function misspell(name: string, i: number): string {
  const at = 1 + (i % Math.max(1, name.length - 2));
  switch (i % 3) {
    case 0:
      return name.slice(0, at) + name[at] + name.slice(at);
    case 1:
      return name.slice(0, at) + name.slice(at + 1);
    default:
      return name.replace(/[aiu]/, (v) => ({ a: 'e', i: 'y', u: 'o' })[v] ?? v);
  }
}

/**
 * Waits until the worker's roll-up has drained the outbox: how long it took from now, how many
 * rows were left now, and how many were ever written (the database is new: all are the import's;
 * drained rows are deleted, the identity still counts them).
 */
async function rollupCatchUp(pg: Client): Promise<{ ms: number; left: number; written: number }> {
  const left = async (): Promise<number> =>
    (await pg.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox')).rows[0].n;
  const { rows } = await pg.query<{ written: number }>(
    'SELECT CASE WHEN is_called THEN last_value ELSE 0 END::int AS written FROM outbox_id_seq',
  );
  const startedAt = Date.now();
  const leftAtStart = await left();
  while ((await left()) > 0) await new Promise((r) => setTimeout(r, 1000));
  return { ms: Date.now() - startedAt, left: leftAtStart, written: rows[0].written };
}

export async function run(): Promise<void> {
  const people = Number(process.env.BENCH_PEOPLE ?? 1_000_000);
  const outDir = join(__dirname, 'out');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `registry-${people}.csv`);
  const samples: Person[] = [];
  const generated = await timed(() =>
    writePopulation(file, people, KABUPATEN, (p) => samples.push(p)),
  );
  const bytes = statSync(file).size;
  console.log(
    `  generated ${fmt(people)} people (${fmt(bytes / 1e6, 1)} MB) in ${fmt(generated.ms / 1000, 1)} s`,
  );

  const db = await benchDatabase();
  const config = testConfig(db.url, { LOG_LEVEL: 'warn', UPLOAD_MAX_BYTES: String(2 ** 31) });
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  let app: NestFastifyApplication | undefined;
  let worker: AppProcess | undefined;
  try {
    // Baseline: the same file into a bare table (text columns, no index, no checks).
    await pg.query(`CREATE TABLE bare_copy (${HEADER.map((h) => `${h} text`).join(', ')})`);
    const copy = await timed(() =>
      pipeline(
        createReadStream(file),
        pg.query(copyFrom('COPY bare_copy FROM STDIN (FORMAT csv, HEADER true)')),
      ),
    );
    await pg.query('DROP TABLE bare_copy');
    // The floor under any import: the same people into the real table, nothing else.
    const floorMs = await beneficiaryTableFloor(file);

    const moduleRef = await Test.createTestingModule({ imports: [ApiModule] })
      .overrideProvider(AppConfig)
      .useValue(config)
      .compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(
      createHttpAdapter(),
      NEST_APP_OPTIONS,
    );
    configureApp(app);
    await app.listen(0, '127.0.0.1');
    const base = `${await app.getUrl()}/api/v1`;
    await app.get(UsersService).create({
      username: 'bench.operator',
      password: 'Bench-operator-2026',
      name: 'Bench',
      role: Role.Operator,
    });
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench.operator', password: 'Bench-operator-2026' }),
    });
    const token = ((await login.json()) as { accessToken: string }).accessToken;
    const api = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
      const res = await fetch(`${base}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    };

    worker = await AppProcess.worker(buildApps().worker, {
      ...productionEnvironment(config),
      WORKER_CONCURRENCY: '1',
      NODE_OPTIONS: process.env.BENCH_WORKER_NODE_OPTIONS ?? '',
    });
    const idle = worker.memory();

    const importOnce = async (): Promise<{
      job: JobView;
      uploadMs: number;
      workMs: number;
      phases: Record<string, number>;
      peakRss: number;
    }> => {
      const form = new FormData();
      form.append('file', await openAsBlob(file), 'dtks-bench.csv');
      const upload = await timed(() =>
        api<{ jobId: string }>('/imports/beneficiaries', { method: 'POST', body: form }),
      );
      const jobId = upload.result.jobId;
      let peakRss = 0;
      for (;;) {
        peakRss = Math.max(peakRss, (worker as AppProcess).memory().rss);
        const job = await api<JobView>(`/jobs/${jobId}`);
        if (job.status === 'FAILED') throw new Error(`Import failed: ${job.error}`);
        if (job.status === 'COMPLETED') {
          const [times] = (
            await pg.query<JobRunRow>(
              `SELECT extract(epoch FROM finished_at - started_at) * 1000 AS ms,
                      result -> 'phasesMs' AS phases
               FROM job_run WHERE id = $1`,
              [jobId],
            )
          ).rows;
          const phases = times.phases ?? {};
          return { job, uploadMs: upload.ms, workMs: Number(times.ms), phases, peakRss };
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    const phases = (p: Record<string, number>): string =>
      Object.entries(p)
        .map(([phase, ms]) => `${phase} ${fmt(ms / 1000, 1)} s`)
        .join(', ');

    const first = await importOnce();
    const catchUp = process.env.BENCH_ROLLUP_CATCHUP === '1' ? await rollupCatchUp(pg) : null;
    const again = await importOnce();
    const peak = worker.memory().peak;

    const rate = (ms: number): string => `${fmt(people / (ms / 1000))} rows/s`;
    report(
      'import rows/s (worker job)',
      rate(first.workMs),
      rate(copy.ms),
      `${fmt(first.workMs / copy.ms, 1)}× the bare COPY time (goal ≤ 2×)`,
    );
    report(
      'import time, s',
      fmt(first.workMs / 1000, 1),
      fmt(copy.ms / 1000, 1),
      phases(first.phases),
    );
    console.log(`    counts ${JSON.stringify(first.job.counts)}`);
    report(
      'floor: the people into beneficiary alone, s',
      fmt(floorMs / 1000, 1),
      fmt(copy.ms / 1000, 1),
      `${fmt(floorMs / copy.ms, 1)}× the bare COPY (table's indexes, triggers, FKs; no checks, ` +
        `households, PPKS or audit); the import takes ${fmt(first.workMs / floorMs, 1)}× this`,
    );
    report('upload (HTTP → PostgreSQL), s', fmt(first.uploadMs / 1000, 1), '—');
    if (catchUp) {
      report(
        'roll-up catch-up after the import, s',
        fmt(catchUp.ms / 1000, 1),
        '—',
        `${fmt(catchUp.left)} of the ${fmt(catchUp.written)} outbox rows the import wrote were ` +
          'left when it finished',
      );
    }
    report(
      're-import of the same file, s',
      fmt(again.workMs / 1000, 1),
      fmt(copy.ms / 1000, 1),
      phases(again.phases),
    );
    console.log(`    counts ${JSON.stringify(again.job.counts)}`);
    report(
      'worker peak RSS (VmHWM), MB',
      fmt(peak),
      `${fmt(idle.rss)} idle`,
      `max sampled during the imports ${fmt(Math.max(first.peakRss, again.peakRss))} MB (goal < 300 MB)`,
    );

    // Latency over the imported population, through HTTP, next to the raw SQL it runs.
    const latency = async (
      queries: Person[],
      fn: (p: Person, i: number) => Promise<unknown>,
    ): Promise<string> => {
      const ms: number[] = [];
      for (const [i, p] of queries.entries()) ms.push((await timed(() => fn(p, i))).ms);
      return `${fmt(percentile(ms, 50), 1)} / ${fmt(percentile(ms, 95), 1)} ms`;
    };
    const withNik = samples.filter((s) => s.nik);
    const nikQueries = Array.from({ length: SEARCHES }, (_, i) => withNik[i % withNik.length]);
    report(
      'NIK lookup p50 / p95 (GET ?nik=)',
      await latency(nikQueries, (p) => api(`/beneficiaries?nik=${p.nik}`)),
      await latency(nikQueries, (p) =>
        pg.query("SELECT id FROM beneficiary WHERE nik = $1 AND status <> 'MERGED'", [p.nik]),
      ),
      '(goal p95 < 50 ms)',
    );

    const nameQueries = Array.from({ length: SEARCHES }, (_, i) => samples[i % samples.length]);
    for (const threshold of [NAME_MIN_SIMILARITY, 0.6]) {
      let found = 0;
      const http = await latency(nameQueries, async (p, i) => {
        const page = await api<{ items: { name: string }[] }>(
          `/beneficiaries?q=${encodeURIComponent(misspell(p.name, i))}&minSimilarity=${threshold}`,
        );
        if (page.items.some((b) => b.name === p.name)) found++;
      });
      await pg.query(
        `SELECT set_config('pg_trgm.similarity_threshold', $1, false), set_config('jit', 'off', false)`,
        [String(threshold)],
      );
      // The search's two steps: similar distinct names, then a page of people per name.
      const raw = await latency(nameQueries, (p, i) =>
        pg.query(
          `WITH m AS MATERIALIZED (
             SELECT name, similarity(name, $1) AS s FROM beneficiary_name WHERE name % $1
           )
           SELECT page.id, m.s FROM m CROSS JOIN LATERAL (
             SELECT id FROM beneficiary b WHERE b.name = m.name AND b.status <> 'MERGED'
             ORDER BY b.name, b.id LIMIT 51
           ) page
           ORDER BY m.s DESC, page.id LIMIT 51`,
          [misspell(p.name, i)],
        ),
      );
      report(
        `name search, one typo, similarity ≥ ${threshold}`,
        http,
        raw,
        `the person among the first 50 in ${fmt((100 * found) / SEARCHES)} % (goal p95 < 50 ms)`,
      );
    }
    report(
      'name search within one kecamatan (TKSK)',
      await latency(nameQueries, (p, i) =>
        api(
          `/beneficiaries?q=${encodeURIComponent(misspell(p.name, i))}&wilayahKode=${p.desaKode.slice(0, 8)}`,
        ),
      ),
      '—',
    );
  } finally {
    await worker?.stop();
    await app?.close();
    await pg.end();
    await db.drop();
  }
}
