import { QueueName, QueueService } from '@pilar/core';
import { RollupRunner } from '@pilar/rollup';
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

/**
 * A roll-up that dies in the middle of a batch leaves no trace: the batch's recomputed facts and
 * cells roll back with its outbox rows, and the retry counts every event exactly once. A rebuild
 * that dies while its second connection streams the facts in leaves no trace either.
 */
describe('Roll-up crash safety (e2e)', () => {
  let t: TestApp;
  let u: CaseworkUsers;
  let year: number;
  let indicatorId: string;
  let people: string[];

  const figures = async () => {
    const res = await t.http
      .get(`/api/v1/indicators/${indicatorId}/realisasi?year=${year}`)
      .set(bearer(u.admin))
      .expect(200);
    return { realisasi: res.body.realisasi, realisasiYtd: res.body.realisasiYtd };
  };
  const permakanan = (beneficiaryId: string, date: string) =>
    recordService(t, u.operator, {
      type: 'PERMAKANAN',
      beneficiaryId,
      subKegiatanKode: PERMAKANAN_SUB,
      date: `${year}-${date}`,
      amount: 100_000,
    });
  const pending = async (): Promise<number> =>
    Number((await t.dataSource.query('SELECT count(*) AS n FROM outbox'))[0].n);

  beforeAll(async () => {
    t = await TestApp.create();
    await t.startWorker();
    u = await caseworkUsers(t);
    year = thisYear(t) - 1;
    await planRenja(t, u.admin, year, [PERMAKANAN_SUB]);
    people = [
      await registerPerson(t, u.operator),
      await registerPerson(t, u.operator),
      await registerPerson(t, u.operator),
    ];
    indicatorId = await defineIndicator(
      t,
      u.admin,
      {
        name: 'Penerima permakanan',
        level: 'SUB_KEGIATAN',
        subKegiatanKode: PERMAKANAN_SUB,
        measure: { type: 'DISTINCT_BENEFICIARIES' },
      },
      { year, annual: 3 },
    );
    await permakanan(people[0], '02-01');
    await waitForRollup(t, u.admin);
  });
  afterAll(() => t.close());

  it('leaves the figures untouched when a batch fails at its very end, then applies it once', async () => {
    // Every recompute of the batch runs; the last step (removing its outbox rows) fails.
    await t.dataSource.query(`
      CREATE FUNCTION test_fail_drain() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'simulated crash before commit'; END $$`);
    await t.dataSource.query(`
      CREATE TRIGGER test_fail_drain BEFORE DELETE ON outbox
      FOR EACH STATEMENT EXECUTE FUNCTION test_fail_drain()`);
    const before = await figures();
    await permakanan(people[1], '05-01');
    await permakanan(people[0], '06-01');
    // Wait until the worker has run the batch and failed on it.
    const queue = t.get(QueueService).queue(QueueName.Rollup);
    const failedOnCrash = async () =>
      (await queue.getJobs(['delayed', 'failed', 'wait'])).some(
        (job) => job.failedReason === 'simulated crash before commit',
      );
    for (let i = 0; i < 100 && !(await failedOnCrash()); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await failedOnCrash()).toBe(true);
    expect(await pending()).toBe(2);
    expect(await figures()).toEqual(before);

    await t.dataSource.query('DROP TRIGGER test_fail_drain ON outbox');
    await t.dataSource.query('DROP FUNCTION test_fail_drain()');
    await permakanan(people[2], '11-01');
    await waitForRollup(t, u.admin);
    expect(await figures()).toEqual({
      realisasi: { tw1: 1, tw2: 1, tw3: 0, tw4: 1, total: 3 },
      realisasiYtd: { tw1: 1, tw2: 2, tw3: 2, tw4: 3 },
    });
  });

  it('recovers from a worker connection killed in the middle of a batch', async () => {
    // Stall the drain inside its transaction, after the facts and indicator cells are recomputed.
    await t.dataSource.query(`
      CREATE FUNCTION test_stall_drain() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_sleep(60); RETURN NULL; END $$`);
    await t.dataSource.query(`
      CREATE TRIGGER test_stall_drain BEFORE INSERT ON rollup_anggaran_cell
      FOR EACH STATEMENT EXECUTE FUNCTION test_stall_drain()`);
    const voided = await permakanan(people[1], '03-15'); // Budi moves to TW I …
    await t.http
      .post(`/api/v1/service-events/${voided}/void`)
      .set(bearer(u.operator))
      .send({ reason: 'Salah tanggal' })
      .expect(200);
    await permakanan(people[1], '01-20'); // … and back-dated to January for good.

    const stalled = async (): Promise<number | null> => {
      const rows: { pid: number }[] = await t.dataSource.query(
        `SELECT pid FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event = 'PgSleep' AND pid <> pg_backend_pid()`,
      );
      return rows[0]?.pid ?? null;
    };
    let pid: number | null = null;
    for (let i = 0; i < 300 && pid === null; i++) {
      pid = await stalled();
      if (pid === null) await new Promise((r) => setTimeout(r, 100));
    }
    expect(pid).not.toBeNull();
    // Mid-batch, nothing of it is visible yet.
    expect(await pending()).toBeGreaterThan(0);
    await t.dataSource.query('SELECT pg_terminate_backend($1)', [pid]);
    // Killing the connection ends the stall; the retry must not stall again.
    await t.dataSource.query('DROP TRIGGER test_stall_drain ON rollup_anggaran_cell');
    await t.dataSource.query('DROP FUNCTION test_stall_drain()');
    await waitForRollup(t, u.admin);
    // People 0 (Feb), 1 (Jan, back-dated; the March one voided), 2 (Nov).
    expect(await figures()).toEqual({
      realisasi: { tw1: 2, tw2: 0, tw3: 0, tw4: 1, total: 3 },
      realisasiYtd: { tw1: 2, tw2: 2, tw3: 2, tw4: 3 },
    });
    const [{ spent }] = await t.dataSource.query(
      `SELECT sum(amount)::int AS spent FROM rollup_anggaran_cell WHERE year = $1`,
      [year],
    );
    // Five events of Rp 100.000 stand (one voided): each counted once.
    expect(spent).toBe(500_000);
  });
  it('leaves the figures untouched when a rebuild fails while the facts stream in', async () => {
    await waitForRollup(t, u.admin);
    const before = await figures();
    const facts = async (): Promise<unknown[]> =>
      t.dataSource.query('SELECT * FROM rollup_service_fact ORDER BY recipient_id, service_type');
    const factsBefore = await facts();
    await t.dataSource.query(`
      CREATE FUNCTION test_fail_fact() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'simulated crash in the facts'; END $$`);
    await t.dataSource.query(`
      CREATE TRIGGER test_fail_fact BEFORE INSERT ON rollup_service_fact
      FOR EACH ROW EXECUTE FUNCTION test_fail_fact()`);
    await expect(t.get(RollupRunner).rebuildYears([year])).rejects.toThrow(
      'simulated crash in the facts',
    );
    await t.dataSource.query('DROP TRIGGER test_fail_fact ON rollup_service_fact');
    await t.dataSource.query('DROP FUNCTION test_fail_fact()');
    expect(await figures()).toEqual(before);
    expect(await facts()).toEqual(factsBefore);

    // The reading connection is closed with the failure, not left in its transaction.
    const readers = async (): Promise<number> =>
      Number(
        (
          await t.dataSource.query(
            `SELECT count(*) AS n FROM pg_stat_activity
             WHERE datname = current_database() AND query LIKE 'COPY (%' AND pid <> pg_backend_pid()`,
          )
        )[0].n,
      );
    for (let i = 0; i < 50 && (await readers()) > 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await readers()).toBe(0);
    await t.get(RollupRunner).rebuildYears([year]);
    expect(await figures()).toEqual(before);
    expect(await facts()).toEqual(factsBefore);
  });
});
