/*
 * Roll-up at scale, each figure next to a plain GROUP BY over the same events in the same run:
 *  - rebuild of a year of BENCH_EVENTS service events (default 10,000,000; goal ≤ 3× the plain query);
 *  - roll-up lag p95 while BENCH_RATE events/s (default 500) arrive through the API for
 *    BENCH_LAG_SECONDS (default 30) (goal < 2 s);
 *  - Renja report latency for the kabupaten-year (goal p95 < 100 ms).
 * The API and the worker run compiled, each in processes of its own, as in production.
 * Data is generated with INSERT … SELECT generate_series, not through the API.
 *   npm run bench rollup                      (BENCH_EVENTS=200000 for a quick run)
 */
import { randomUUID } from 'node:crypto';
import { Test, TestingModule } from '@nestjs/testing';
import { ApiModule } from '@pilar/api/api.module';
import { Role, UsersService } from '@pilar/auth';
import { AppConfig } from '@pilar/core';
import { ImportRenjaUseCase, IndicatorsService, loadBalanganRenja } from '@pilar/planning';
import { RollupRunner } from '@pilar/rollup';
import { testConfig } from '@pilar/testing';
import { Client } from 'pg';
import { AppProcess, buildApps, freePort, productionEnvironment } from './app-process';
import { openLoop } from './open-loop';
import { BENCH_SERVICES, BENCH_YEAR, generatePopulation } from './rollup/generate';
import { LagTracker } from './rollup/lag';
import { benchDatabase, percentile, report, timed } from './support';

const REPORT_REQUESTS = 200;
const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The plain query: per sub-kegiatan, service type and triwulan, events, quantity, rupiah, people. */
const PLAIN_GROUP_BY = `
  SELECT sub_kegiatan_kode, service_type, extract(quarter FROM event_date) AS triwulan,
         count(*), sum(quantity), sum(amount), count(DISTINCT beneficiary_id)
  FROM service_event
  WHERE voided_at IS NULL AND event_date >= make_date($1, 1, 1) AND event_date < make_date($1 + 1, 1, 1)
  GROUP BY 1, 2, 3`;

export async function run(): Promise<void> {
  const events = Number(process.env.BENCH_EVENTS ?? 10_000_000);
  const rate = Number(process.env.BENCH_RATE ?? 500);
  const lagSeconds = Number(process.env.BENCH_LAG_SECONDS ?? 30);
  const db = await benchDatabase();
  const config = testConfig(db.url, { LOG_LEVEL: 'warn' });
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  let modules: TestingModule | undefined;
  let api: AppProcess | undefined;
  let worker: AppProcess | undefined;
  try {
    // Compiled first, so the compiler's work falls in no measured phase.
    const apps = buildApps();
    // The modules in this process, to set up and to rebuild (the rebuild is SQL, wherever it is
    // called from). The API that clients call runs apart, below.
    modules = await Test.createTestingModule({ imports: [ApiModule] })
      .overrideProvider(AppConfig)
      .useValue(config)
      .compile();
    await modules.init();
    const operator = await modules.get(UsersService).create({
      username: 'bench.operator',
      password: 'Bench-operator-2026',
      name: 'Bench',
      role: Role.Operator,
    });

    await loadBalanganRenja(
      { importRenja: modules.get(ImportRenjaUseCase), indicators: modules.get(IndicatorsService) },
      [BENCH_YEAR],
    );
    const generated = await timed(() => generatePopulation(pg, events, operator.id));
    console.log(
      `  generated ${fmt(events)} events, ${fmt(generated.result.people)} people, ` +
        `${fmt(generated.result.households)} households in ${fmt(generated.ms / 1000, 1)} s`,
    );

    // 1. Rebuild, next to the plain GROUP BY (both with the rebuild's work_mem).
    await pg.query(`SET work_mem = '256MB'`);
    const plain = await timed(() => pg.query(PLAIN_GROUP_BY, [BENCH_YEAR]));
    const runner = modules.get(RollupRunner);
    const rebuild = await timed(() => runner.rebuildYears([BENCH_YEAR]));
    const plainAgain = await timed(() => pg.query(PLAIN_GROUP_BY, [BENCH_YEAR]));
    const plainMs = Math.min(plain.ms, plainAgain.ms);
    report(
      `rebuild of a year (${fmt(events)} events), s`,
      fmt(rebuild.ms / 1000, 1),
      fmt(plainMs / 1000, 1),
      `(${fmt(rebuild.ms / plainMs, 2)}× the plain GROUP BY; goal ≤ 3×)`,
    );
    console.log(`    steps (ms) ${JSON.stringify(rebuild.result.timingsMs)}`);
    console.log(`    rows ${JSON.stringify(rebuild.result.counts)}`);

    // 2. Renja report latency over the rebuilt figures, from the API as it runs in production:
    // compiled, in processes of its own (API_PROCESSES), apart from this one's load generator.
    const env = productionEnvironment(config);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    api = await AppProcess.api(apps.api, { ...env, PORT: String(port) });
    // Signed in again before each phase: the phases before can outlast an access token.
    const signIn = async (): Promise<string> => {
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'bench.operator', password: 'Bench-operator-2026' }),
      });
      return ((await login.json()) as { accessToken: string }).accessToken;
    };
    let token = await signIn();
    const latencies: number[] = [];
    for (let i = 0; i < REPORT_REQUESTS; i++) {
      const res = await timed(() =>
        fetch(`${base}/api/v1/reports/renja?year=${BENCH_YEAR}`, {
          headers: { authorization: `Bearer ${token}` },
        }).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`renja ${r.status}`)))),
      );
      latencies.push(res.ms);
    }
    report(
      'Renja report p50 / p95, ms',
      `${fmt(percentile(latencies, 50), 1)} / ${fmt(percentile(latencies, 95), 1)}`,
      fmt(plainMs, 0),
      '(baseline: the plain GROUP BY the report would otherwise run; goal p95 < 100 ms)',
    );

    // 3. Lag while services arrive through the API, the worker in its own process. The sweep
    // first computes the years a running agency already has (the current one: a rebuild of an
    // empty year still reads every fact), as on any day but the agency's first.
    await runner.sweep();
    worker = await AppProcess.worker(apps.worker, env);
    const recipients = (
      await pg.query<{ id: string }>('SELECT id FROM beneficiary ORDER BY id LIMIT 5000')
    ).rows.map((r) => r.id);
    token = await signIn();
    const tracker = new LagTracker(pg);
    tracker.start();
    let rejected = 0;
    // Sent at a constant rate whatever the answers take (open-loop), over up to one connection
    // per 10 events/s.
    const load = await openLoop(
      base,
      {
        method: 'POST',
        path: '/api/v1/service-events',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: () => {
          const [subKegiatanKode, type, amount] =
            BENCH_SERVICES[Math.floor(Math.random() * BENCH_SERVICES.length)];
          return JSON.stringify({
            id: randomUUID(),
            type,
            beneficiaryId: recipients[Math.floor(Math.random() * recipients.length)],
            subKegiatanKode,
            date: `${BENCH_YEAR}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}-15`,
            amount,
          });
        },
        onAnswer: (status, body) => {
          if (status === 201) tracker.expect((JSON.parse(body) as { id: string }).id);
          else {
            rejected++;
            if (rejected <= 3) console.log(`    rejected ${status}: ${body.slice(0, 200)}`);
          }
        },
      },
      rate,
      lagSeconds,
      Math.max(16, Math.ceil(rate / 10)),
    );
    const lags = await tracker.stop();
    const plainUnderLoad = await timed(() => pg.query(PLAIN_GROUP_BY, [BENCH_YEAR]));
    report(
      `roll-up lag p50 / p95 / max at ${fmt(load.ok / load.seconds)} req/s, ms`,
      `${fmt(percentile(lags, 50))} / ${fmt(percentile(lags, 95))} / ${fmt(percentile(lags, 100))}`,
      fmt(plainUnderLoad.ms),
      `(baseline: the plain GROUP BY after the load; ${fmt(lags.length)} events, ` +
        `${rejected} rejected, ${load.failed} not 2xx or unanswered, ` +
        `${tracker.unfinished} still pending; goal p95 < 2000 ms)`,
    );
    report(
      'API write latency p50 / p99 under load, ms',
      `${fmt(percentile(load.latencies, 50))} / ${fmt(percentile(load.latencies, 99))}`,
      '—',
    );
  } finally {
    await worker?.stop();
    await api?.stop();
    await modules?.close();
    await pg.end();
    await db.drop();
  }
}
