import { randomInt } from 'node:crypto';
import { OutboxDrainUseCase, RollupRunner } from '@pilar/rollup';
import { TestApp } from '@pilar/testing';
import { Client } from 'pg';
import {
  bearer,
  caseworkUsers,
  CaseworkUsers,
  planRenja,
  registerPerson,
  thisYear,
} from './casework-fixtures';
import { defineIndicator, PERMAKANAN_SUB, recordService } from './rollup-fixtures';

/** The definitions lock's key (LockKind.Definitions in libs/rollup/src/recompute/advisory-locks). */
const DEFINITIONS_LOCK = 0x524f0004;

/**
 * Two drains at once, one applying a recorded service and one applying an indicator's new
 * definition. The service's drain is held after it has loaded the definitions, at the moment it
 * writes the recipient's facts: had the other drain restaged the indicator under its new
 * definition then, the service's change, worked out under the old one, would land on top of the
 * new totals. The definitions lock makes the redefining drain wait instead.
 */
describe('Roll-up drains racing a redefinition (e2e)', () => {
  let t: TestApp;
  let u: CaseworkUsers;
  let year: number;
  let indicatorId: string;
  let people: string[];
  let holder: Client;
  /** A key of the test's own: the service's drain waits on it while the test holds it. */
  const pauseKey = randomInt(1, 2 ** 31 - 1);

  const figures = async () => {
    const res = await t.http
      .get(`/api/v1/indicators/${indicatorId}/realisasi?year=${year}`)
      .set(bearer(u.admin))
      .expect(200);
    return res.body.realisasi;
  };
  const permakanan = (beneficiaryId: string, date: string, amount: number) =>
    recordService(t, u.operator, {
      type: 'PERMAKANAN',
      beneficiaryId,
      subKegiatanKode: PERMAKANAN_SUB,
      date: `${year}-${date}`,
      amount,
    });
  /**
   * Whether some session waits for an advisory lock: keyed by two int4 (`[key1, key2]`, pg_locks
   * objsubid 2) or by one bigint (`[key]`, objsubid 1; these keys fit in its low half).
   */
  const waitingFor = async (...key: [number, number] | [number]): Promise<boolean> => {
    const [classid, objid] = key.length === 2 ? key : [0, key[0]];
    const rows = await t.dataSource.query(
      `SELECT 1 FROM pg_locks
       WHERE locktype = 'advisory' AND NOT granted
         AND classid = $1::bigint::oid AND objid = $2::bigint::oid AND objsubid = $3`,
      [classid, objid, key.length],
    );
    return rows.length > 0;
  };
  const until = async (what: string, check: () => Promise<boolean>): Promise<void> => {
    const deadline = Date.now() + 30_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  beforeAll(async () => {
    t = await TestApp.create();
    u = await caseworkUsers(t);
    year = thisYear(t) - 1;
    await planRenja(t, u.admin, year, [PERMAKANAN_SUB]);
    people = [await registerPerson(t, u.operator), await registerPerson(t, u.operator)];
    indicatorId = await defineIndicator(
      t,
      u.admin,
      {
        name: 'Anggaran permakanan tersalur',
        level: 'SUB_KEGIATAN',
        subKegiatanKode: PERMAKANAN_SUB,
        unit: 'Rupiah',
        measure: { type: 'AMOUNT' },
      },
      { year, annual: 1_000_000 },
    );
    await permakanan(people[0], '02-01', 100_000);
    // No worker runs in this file: the test drives every drain itself.
    await t.get(RollupRunner).drainAll();
    holder = new Client({ connectionString: t.config.databaseUrl });
    await holder.connect();
  });
  afterAll(async () => {
    await holder?.end();
    await t.close();
  });

  it('makes the redefining drain wait for the drain that loaded the old definition', async () => {
    expect(await figures()).toMatchObject({ tw1: 100_000, total: 100_000 });

    await permakanan(people[1], '05-01', 250_000);
    await t.dataSource.query(`
      CREATE FUNCTION test_pause_drain() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_advisory_xact_lock_shared(${pauseKey}); RETURN NULL; END $$`);
    await t.dataSource.query(`
      CREATE TRIGGER test_pause_drain AFTER INSERT ON rollup_service_fact
      FOR EACH ROW EXECUTE FUNCTION test_pause_drain()`);
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [pauseKey]);
      const drain = t.get(OutboxDrainUseCase);
      const serviceDrain = drain.execute();
      await until('the service drain is held at its facts', () => waitingFor(pauseKey));
      // The indicator is redefined after that drain loaded its definition; the second drain
      // claims the redefinition (the service's outbox row is the first drain's).
      await t.http
        .patch(`/api/v1/indicators/${indicatorId}`)
        .set(bearer(u.admin))
        .send({ version: 1, unit: 'Kali', measure: { type: 'EVENTS' } })
        .expect(200);
      let redefinitionDone = false;
      const redefinitionDrain = drain.execute().finally(() => (redefinitionDone = true));
      await until(
        'the redefining drain waits for the definitions lock, or is done',
        async () => redefinitionDone || (await waitingFor(DEFINITIONS_LOCK, 0)),
      );
      expect(redefinitionDone).toBe(false);

      await holder.query('SELECT pg_advisory_unlock($1)', [pauseKey]);
      expect(await serviceDrain).toMatchObject({ drained: 1 });
      expect(await redefinitionDrain).toMatchObject({ drained: 1 });
    } finally {
      await holder.query('SELECT pg_advisory_unlock_all()');
      await t.dataSource.query('DROP TRIGGER test_pause_drain ON rollup_service_fact');
      await t.dataSource.query('DROP FUNCTION test_pause_drain()');
    }

    // Two PERMAKANAN services, counted under the new definition: one in TW I, one in TW II.
    const expected = { tw1: 1, tw2: 1, tw3: 0, tw4: 0, total: 2 };
    expect(await figures()).toMatchObject(expected);
    await t.get(RollupRunner).rebuildYears([year]);
    expect(await figures()).toMatchObject(expected);
  });
});
