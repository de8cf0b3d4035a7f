import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createConnection, createServer } from 'node:net';
import { TestApp } from '@pilar/testing';
import {
  bearer,
  caseworkUsers,
  CaseworkUsers,
  planRenja,
  registerPerson,
  thisYear,
} from './casework-fixtures';
import { defineIndicator, PERMAKANAN_SUB, recordService, waitForRollup } from './rollup-fixtures';

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

async function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A Redis of this test's own, so stopping it disturbs nobody else. */
class PrivateRedis {
  private process?: ChildProcess;
  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.process = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    for (let i = 0; i < 100 && !(await answers(this.port)); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** A crash, not a shutdown: everything Redis held (queued jobs, schedules) is gone. */
  async kill(): Promise<void> {
    if (!this.process || this.process.exitCode !== null) return;
    const exited = once(this.process, 'exit');
    this.process.kill('SIGKILL');
    await exited;
  }
}

/**
 * With Redis down, services are still recorded (the outbox row is in PostgreSQL); when Redis
 * comes back — empty — the worker registers its sweep again and the figures catch up.
 */
describe('Roll-up with Redis down (e2e)', () => {
  let redis: PrivateRedis;
  let t: TestApp;
  let u: CaseworkUsers;
  let year: number;
  let indicatorId: string;
  let people: string[];

  const realisasi = async () =>
    (
      await t.http
        .get(`/api/v1/indicators/${indicatorId}/realisasi?year=${year}`)
        .set(bearer(u.pimpinan))
        .expect(200)
    ).body.realisasi;

  beforeAll(async () => {
    redis = new PrivateRedis(await freePort());
    await redis.start();
    t = await TestApp.create({ REDIS_URL: redis.url });
    await t.startWorker();
    u = await caseworkUsers(t);
    year = thisYear(t) - 1;
    await planRenja(t, u.admin, year, [PERMAKANAN_SUB]);
    people = [await registerPerson(t, u.operator), await registerPerson(t, u.operator)];
    indicatorId = await defineIndicator(
      t,
      u.admin,
      {
        name: 'Penerima permakanan',
        level: 'SUB_KEGIATAN',
        subKegiatanKode: PERMAKANAN_SUB,
        measure: { type: 'DISTINCT_BENEFICIARIES' },
      },
      { year, annual: 2 },
    );
    await recordService(t, u.operator, {
      type: 'PERMAKANAN',
      beneficiaryId: people[0],
      subKegiatanKode: PERMAKANAN_SUB,
      date: `${year}-02-01`,
    });
    await waitForRollup(t, u.admin);
  });
  afterAll(async () => {
    await t.close();
    await redis.kill();
  });

  it('accepts services while Redis is down and catches up when it is back', async () => {
    await redis.kill();
    expect(await answers(redis.port)).toBe(false);

    const res = await t.http
      .post('/api/v1/service-events')
      .set(bearer(u.operator))
      .send({
        type: 'PERMAKANAN',
        beneficiaryId: people[1],
        subKegiatanKode: PERMAKANAN_SUB,
        date: `${year}-08-01`,
      });
    expect(res.status).toBe(201);
    const status = await t.http.get('/api/v1/rollup/status').set(bearer(u.pimpinan)).expect(200);
    expect(status.body.pending).toBe(1);
    expect(await realisasi()).toMatchObject({ tw1: 1, tw3: 0, total: 1 });

    await redis.start();
    await waitForRollup(t, u.admin);
    expect(await realisasi()).toEqual({ tw1: 1, tw2: 0, tw3: 1, tw4: 0, total: 2 });
  });
});
