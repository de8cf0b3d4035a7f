import { randomUUID } from 'node:crypto';
import { TestApp } from '@pilar/testing';
import {
  agencyDate,
  bearer,
  caseworkUsers,
  CaseworkUsers,
  outboxRows,
  PERMAKANAN,
  planRenja,
  registerPerson,
  thisYear,
} from './casework-fixtures';

/** Field sync (batch) and the transactional outbox. */
describe('Service event sync and outbox (e2e)', () => {
  let t: TestApp;
  let u: CaseworkUsers;
  let person: string;
  let outsider: string;

  const event = (over: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    type: 'PERMAKANAN',
    beneficiaryId: person,
    subKegiatanKode: PERMAKANAN,
    date: agencyDate(t, -1),
    quantity: 1,
    unit: 'paket',
    amount: 50_000,
    ...over,
  });
  const batch = (user: { token: string }, events: unknown[]) =>
    t.http.post('/api/v1/service-events/batch').set(bearer(user)).send({ events });
  const eventCount = async (id: string): Promise<number> =>
    (
      await t.dataSource.query('SELECT count(*)::int AS n FROM service_event WHERE id = $1', [id])
    )[0].n;

  beforeAll(async () => {
    t = await TestApp.create();
    u = await caseworkUsers(t);
    await planRenja(t, u.admin, thisYear(t), [PERMAKANAN]);
    person = await registerPerson(t, u.operator);
    outsider = await registerPerson(t, u.operator, { desaKode: '63.11.01.2001' });
  });
  afterAll(() => t.close());

  describe('POST /service-events/batch', () => {
    it('records good items, answers duplicates, and rejects only the bad ones', async () => {
      const earlier = event();
      await t.http.post('/api/v1/service-events').set(bearer(u.tksk)).send(earlier).expect(201);
      const good = event();
      const second = event({ type: 'KUNJUNGAN', subKegiatanKode: undefined, amount: 0 });
      const items = [
        good,
        earlier,
        event({ amount: -5, date: 'kemarin' }),
        event({ beneficiaryId: outsider }),
        { ...event(), id: undefined },
        { ...earlier, amount: 75_000 },
        second,
        good,
        event({ date: agencyDate(t, 3) }),
      ];
      const res = await batch(u.tksk, items).expect(200);
      expect(res.body.results).toEqual([
        { id: good.id, status: 'CREATED' },
        { id: earlier.id, status: 'DUPLICATE' },
        {
          id: items[2].id,
          status: 'REJECTED',
          code: 'VALIDATION_FAILED',
          errors: [
            { field: 'date', message: expect.stringContaining('YYYY-MM-DD') },
            { field: 'amount', message: expect.stringContaining('rupiah') },
          ],
        },
        {
          id: items[3].id,
          status: 'REJECTED',
          code: 'BENEFICIARY_NOT_FOUND',
          errors: [expect.any(Object)],
        },
        {
          id: null,
          status: 'REJECTED',
          code: 'VALIDATION_FAILED',
          errors: [{ field: 'id', message: expect.stringContaining('required in a batch') }],
        },
        {
          id: earlier.id,
          status: 'REJECTED',
          code: 'IDEMPOTENCY_CONFLICT',
          errors: [expect.any(Object)],
        },
        { id: second.id, status: 'CREATED' },
        { id: good.id, status: 'DUPLICATE' },
        {
          id: items[8].id,
          status: 'REJECTED',
          code: 'VALIDATION_FAILED',
          errors: [{ field: 'date', message: expect.stringContaining('in the future') }],
        },
      ]);
      expect(await eventCount(good.id)).toBe(1);
      expect(await eventCount(second.id)).toBe(1);
      expect(await eventCount(items[2].id as string)).toBe(0);
      expect(await eventCount(items[3].id as string)).toBe(0);
      expect(await outboxRows(t, good.id)).toHaveLength(1);
      expect(await outboxRows(t, earlier.id)).toHaveLength(1);

      // The phone resends the whole day: nothing is counted twice.
      const resent = await batch(u.tksk, items).expect(200);
      expect(resent.body.results.map((r: { status: string }) => r.status)).toEqual([
        'DUPLICATE',
        'DUPLICATE',
        'REJECTED',
        'REJECTED',
        'REJECTED',
        'REJECTED',
        'DUPLICATE',
        'DUPLICATE',
        'REJECTED',
      ]);
      expect(await outboxRows(t, good.id)).toHaveLength(1);
    });

    it('takes up to 500 events and refuses more, an empty batch and non-objects', async () => {
      const full = Array.from({ length: 500 }, () => event());
      const res = await batch(u.operator, full).expect(200);
      expect(res.body.results.every((r: { status: string }) => r.status === 'CREATED')).toBe(true);
      const [{ n }] = await t.dataSource.query(
        'SELECT count(*)::int AS n FROM outbox WHERE aggregate_id = ANY($1::uuid[])',
        [full.map((e) => e.id)],
      );
      expect(n).toBe(500);
      const tooMany = await batch(u.operator, [...full, event()]).expect(400);
      expect(tooMany.body.errors[0].field).toBe('events');
      await batch(u.operator, []).expect(400);
      await batch(u.operator, ['x']).expect(400);
    });
  });

  describe('transactional outbox', () => {
    // A constraint that refuses service-event rows in the outbox makes the outbox insert fail
    // after the event row was written, inside the same statement.
    const breakOutbox = () =>
      t.dataSource.query(
        `ALTER TABLE outbox ADD CONSTRAINT test_outbox_refuses CHECK (topic <> 'service-event') NOT VALID`,
      );
    const repairOutbox = () =>
      t.dataSource.query('ALTER TABLE outbox DROP CONSTRAINT IF EXISTS test_outbox_refuses');
    afterEach(repairOutbox);

    it('leaves neither the event nor its outbox row when the outbox insert fails', async () => {
      const body = event();
      await breakOutbox();
      const res = await t.http
        .post('/api/v1/service-events')
        .set(bearer(u.tksk))
        .send(body)
        .expect(500);
      expect(res.body.code).toBe('INTERNAL_ERROR');
      expect(await eventCount(body.id)).toBe(0);
      expect(await outboxRows(t, body.id)).toHaveLength(0);

      await repairOutbox();
      await t.http.post('/api/v1/service-events').set(bearer(u.tksk)).send(body).expect(201);
      expect(await eventCount(body.id)).toBe(1);
      expect(await outboxRows(t, body.id)).toHaveLength(1);
    });

    it('leaves the event live, unaudited and without a second outbox row when a void fails', async () => {
      const body = event();
      await t.http.post('/api/v1/service-events').set(bearer(u.tksk)).send(body).expect(201);
      await breakOutbox();
      await t.http
        .post(`/api/v1/service-events/${body.id}/void`)
        .set(bearer(u.tksk))
        .send({ reason: 'salah orang' })
        .expect(500);
      const [row] = await t.dataSource.query('SELECT voided_at FROM service_event WHERE id = $1', [
        body.id,
      ]);
      expect(row.voided_at).toBeNull();
      expect(await outboxRows(t, body.id)).toHaveLength(1);
      const audit = await t.dataSource.query(
        "SELECT 1 FROM audit_entry WHERE action = 'service-event.void' AND entity_id = $1",
        [body.id],
      );
      expect(audit).toHaveLength(0);
    });

    it('writes exactly one outbox row per create and per void, with ids and dates only', async () => {
      const body = event();
      await t.http.post('/api/v1/service-events').set(bearer(u.tksk)).send(body).expect(201);
      await t.http
        .post(`/api/v1/service-events/${body.id}/void`)
        .set(bearer(u.tksk))
        .send({ reason: 'salah tanggal' })
        .expect(200);
      const rows = await outboxRows(t, body.id);
      expect(rows.map((r) => r.payload.change)).toEqual(['CREATED', 'VOIDED']);
      expect(Object.keys(rows[0].payload).sort()).toEqual([
        'after',
        'before',
        'change',
        'desaKode',
        'disasterId',
        'eventDate',
        'eventId',
        'serviceType',
        'triwulan',
        'year',
      ]);
    });
  });
});
