import { randomUUID } from 'node:crypto';
import { TestApp } from '@pilar/testing';
import {
  agencyDate,
  BALANG,
  bearer,
  caseworkUsers,
  CaseworkUsers,
  KALAHIANG,
  MUARA_NINIAN,
  outboxRows,
  PERMAKANAN,
  planRenja,
  registerHousehold,
  registerPerson,
  thisYear,
} from './casework-fixtures';
import type { Response } from 'supertest';

/** Recording services: every type, the 400s, scope, idempotency, voiding, lists and history. */
describe('Service events (e2e)', () => {
  let t: TestApp;
  let u: CaseworkUsers;
  let person: string;
  let household: string;
  let today: string;

  const post = (user: { token: string }, body: Record<string, unknown>, key?: string) => {
    const req = t.http.post('/api/v1/service-events').set(bearer(user));
    if (key) req.set('Idempotency-Key', key);
    return req.send(body);
  };
  const permakanan = (over: Record<string, unknown> = {}) => ({
    type: 'PERMAKANAN',
    beneficiaryId: person,
    subKegiatanKode: PERMAKANAN,
    date: today,
    quantity: 5,
    unit: 'paket',
    amount: 250_000,
    ...over,
  });

  beforeAll(async () => {
    t = await TestApp.create();
    u = await caseworkUsers(t);
    today = agencyDate(t);
    const sub = (n: number) => `1.06.04.2.01.${String(n).padStart(4, '0')}`;
    await planRenja(t, u.admin, thisYear(t), [
      ...Array.from({ length: 12 }, (_, i) => sub(i + 1)),
      '1.06.06.2.01.0001',
      '1.06.06.2.01.0005',
      '1.06.02.2.01.0001',
      '1.06.02.2.03.0001',
    ]);
    person = await registerPerson(t, u.operator);
    household = await registerHousehold(t, u.operator);
  });
  afterAll(() => t.close());

  describe('recording', () => {
    const byType: [string, string | null][] = [
      ['BANTUAN_SOSIAL', '1.06.04.2.01.0010'],
      ['PERMAKANAN', '1.06.04.2.01.0001'],
      ['SANDANG', '1.06.04.2.01.0002'],
      ['ALAT_BANTU', '1.06.04.2.01.0003'],
      ['REUNIFIKASI', '1.06.04.2.01.0004'],
      ['PENELUSURAN_KELUARGA', '1.06.04.2.01.0011'],
      ['RUJUKAN', '1.06.04.2.01.0012'],
      ['BIMBINGAN_SOSIAL', '1.06.04.2.01.0005'],
      ['LAYANAN_KEDARURATAN', '1.06.04.2.01.0010'],
      ['TANGGAP_DARURAT', '1.06.06.2.01.0001'],
      ['DUKUNGAN_PSIKOSOSIAL', '1.06.06.2.01.0005'],
      ['FASILITASI_ADMINDUK', '1.06.04.2.01.0007'],
      ['AKSES_PENDIDIKAN_KESEHATAN', '1.06.04.2.01.0008'],
      ['LAYANAN_DATA_PENGADUAN', '1.06.04.2.01.0009'],
      ['PEMBERDAYAAN_KAT', '1.06.02.2.01.0001'],
      ['PELATIHAN', '1.06.02.2.03.0001'],
      ['KUNJUNGAN', null],
    ];

    it('covers every service type of the reference data', async () => {
      const kodes = (
        await t.http.get('/api/v1/service-types').set(bearer(u.operator)).expect(200)
      ).body.map((s: { kode: string }) => s.kode);
      expect([...kodes].sort()).toEqual(byType.map(([type]) => type).sort());
    });

    it.each(byType)('records a %s service with one outbox row', async (type, sub) => {
      const res = await post(u.tksk, {
        type,
        beneficiaryId: person,
        ...(sub ? { subKegiatanKode: sub } : {}),
        date: today,
      }).expect(201);
      expect(res.body).toMatchObject({
        type,
        beneficiaryId: person,
        householdId: null,
        subKegiatanKode: sub,
        date: today,
        quantity: 1,
        amount: 0,
        desaKode: BALANG,
        recordedBy: u.tksk.id,
        voided: false,
      });
      const rows = await outboxRows(t, res.body.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        topic: 'service-event',
        event_year: thisYear(t),
        payload: {
          change: 'CREATED',
          eventId: res.body.id,
          eventDate: today,
          year: thisYear(t),
          serviceType: type,
          before: null,
          after: { subKegiatanKode: sub, beneficiaryId: person, householdId: null },
        },
      });
    });

    it('records a service to a household, with quantity, amount, notes and GPS', async () => {
      const res = await post(u.psm, {
        type: 'BANTUAN_SOSIAL',
        householdId: household,
        subKegiatanKode: '1 06 04 2 01 10',
        date: today,
        quantity: 2.5,
        unit: 'kg',
        amount: 1_500_000,
        notes: 'Beras untuk keluarga',
        location: { lat: -2.3317, lon: 115.4576 },
      }).expect(201);
      expect(res.body).toMatchObject({
        householdId: household,
        beneficiaryId: null,
        subKegiatanKode: '1.06.04.2.01.0010',
        quantity: 2.5,
        amount: 1_500_000,
        location: { lat: -2.3317, lon: 115.4576 },
      });
      const stored = await t.http.get(`/api/v1/service-events/${res.body.id}`).set(bearer(u.psm));
      expect(stored.body).toEqual(res.body);
    });

    it('records the desa where the service was given when it differs from the home desa', async () => {
      const res = await post(u.tksk, permakanan({ desaKode: KALAHIANG })).expect(201);
      expect(res.body.desaKode).toBe(KALAHIANG);
    });
  });

  describe('refusals', () => {
    it('refuses a date in the future of the agency calendar, naming the field', async () => {
      const res = await post(u.tksk, permakanan({ date: agencyDate(t, 1) })).expect(400);
      expect(res.body.errors).toEqual([
        {
          field: 'date',
          message: expect.stringMatching(/is in the future \(today is .* Asia\/Makassar\)/),
        },
      ]);
    });

    it("refuses a sub-kegiatan that is not in that year's Renja", async () => {
      const lastYear = `${thisYear(t) - 1}-12-30`;
      const res = await post(u.tksk, permakanan({ date: lastYear })).expect(400);
      expect(res.body).toMatchObject({
        code: 'SUB_KEGIATAN_NOT_IN_RENJA',
        errors: [
          { field: 'subKegiatanKode', message: expect.stringContaining(String(thisYear(t) - 1)) },
        ],
      });
      const unplanned = await post(
        u.tksk,
        permakanan({ subKegiatanKode: '1.06.06.2.01.0003' }),
      ).expect(400);
      expect(unplanned.body.code).toBe('SUB_KEGIATAN_NOT_IN_RENJA');
    });

    it('answers 404 for a person outside the field worker’s wilayah', async () => {
      const res = await post(u.psmElsewhere, permakanan()).expect(404);
      expect(res.body.code).toBe('BENEFICIARY_NOT_FOUND');
      await post(u.psmElsewhere, {
        ...permakanan(),
        beneficiaryId: undefined,
        householdId: household,
      }).expect(404);
    });

    it('answers 404 naming the survivor for a person merged away, and records nothing', async () => {
      const [merged, survivor] = [
        await registerPerson(t, u.operator),
        await registerPerson(t, u.operator),
      ];
      await t.http
        .post(`/api/v1/beneficiaries/${merged}/merge`)
        .set(bearer(u.operator))
        .send({ intoId: survivor })
        .expect(200);
      const id = randomUUID();
      const res = await post(u.psm, permakanan({ id, beneficiaryId: merged })).expect(404);
      expect(res.body).toMatchObject({ code: 'BENEFICIARY_NOT_FOUND', mergedIntoId: survivor });
      const [{ count }] = await t.dataSource.query(
        'SELECT count(*)::int AS count FROM service_event WHERE id = $1',
        [id],
      );
      expect(count).toBe(0);
    });

    it('refuses a negative amount, a fractional rupiah and an out-of-range GPS point', async () => {
      const res = await post(
        u.tksk,
        permakanan({ amount: -1, location: { lat: 91, lon: 0 } }),
      ).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'amount',
        'location.lat',
      ]);
      const cents = await post(u.tksk, permakanan({ amount: 1000.5 })).expect(400);
      expect(cents.body.errors[0].field).toBe('amount');
    });

    it('lists every invalid field of a request at once', async () => {
      const res = await post(u.tksk, {
        type: 'TIDAK_ADA',
        beneficiaryId: person,
        householdId: household,
        date: agencyDate(t, 2),
      }).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'beneficiaryId',
        'date',
        'subKegiatanKode',
        'type',
      ]);
    });

    it('refuses a desa outside the caller’s wilayah and a case of another person', async () => {
      const res = await post(u.tksk, permakanan({ desaKode: MUARA_NINIAN })).expect(400);
      expect(res.body.errors).toEqual([
        { field: 'desaKode', message: expect.stringContaining('outside your wilayah') },
      ]);
      const missingCase = await post(u.tksk, permakanan({ caseId: randomUUID() })).expect(400);
      expect(missingCase.body.errors[0].field).toBe('caseId');
    });

    it('refuses unknown fields and PIMPINAN', async () => {
      await post(u.tksk, permakanan({ kecamatan: 'x' })).expect(400);
      await post(u.pimpinan, permakanan()).expect(403);
    });
  });

  describe('idempotency', () => {
    it('answers a replay with the original (200) and a different payload with 409', async () => {
      const id = randomUUID();
      const first = await post(u.tksk, permakanan({ id })).expect(201);
      const replay = await post(u.tksk, permakanan({ id })).expect(200);
      expect(replay.body).toEqual(first.body);
      const conflict = await post(u.tksk, permakanan({ id, amount: 999 })).expect(409);
      expect(conflict.body.code).toBe('IDEMPOTENCY_CONFLICT');
      // The same id from someone else is not a replay of theirs.
      await post(u.operator, permakanan({ id })).expect(409);
      const [{ count }] = await t.dataSource.query(
        'SELECT count(*)::int AS count FROM service_event WHERE id = $1',
        [id],
      );
      expect(count).toBe(1);
      expect(await outboxRows(t, id)).toHaveLength(1);
    });

    it('accepts an Idempotency-Key header instead of an id', async () => {
      const key = `hp-siti-${randomUUID()}`;
      const first = await post(u.psm, permakanan(), key).expect(201);
      const replay = await post(u.psm, permakanan(), key).expect(200);
      expect(replay.body.id).toBe(first.body.id);
      await post(u.psm, permakanan({ amount: 1 }), key).expect(409);
      const mismatch = await post(u.psm, permakanan({ id: randomUUID() }), key).expect(400);
      expect(mismatch.body.errors[0].field).toBe('id');
    });

    it('answers a replay from the record even after the person moved out of the wilayah', async () => {
      const mover = await registerPerson(t, u.operator);
      const body = permakanan({ id: randomUUID(), beneficiaryId: mover });
      const first = await post(u.psm, body).expect(201);
      const { body: current } = await t.http
        .get(`/api/v1/beneficiaries/${mover}`)
        .set(bearer(u.operator))
        .expect(200);
      await t.http
        .patch(`/api/v1/beneficiaries/${mover}`)
        .set(bearer(u.operator))
        .send({ version: current.version, desaKode: KALAHIANG })
        .expect(200);
      expect((await post(u.psm, body).expect(200)).body).toEqual(first.body);
      await post(u.psm, permakanan({ id: randomUUID(), beneficiaryId: mover })).expect(404);
    });

    it('creates exactly one event from 50 concurrent submissions of the same id', async () => {
      const id = randomUUID();
      const body = permakanan({ id, notes: 'sinyal buruk' });
      const responses = await Promise.all(Array.from({ length: 50 }, () => post(u.tksk, body)));
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 200)).toHaveLength(49);
      expect(new Set(responses.map((r) => r.body.id))).toEqual(new Set([id]));
      const [{ count }] = await t.dataSource.query(
        'SELECT count(*)::int AS count FROM service_event WHERE id = $1',
        [id],
      );
      expect(count).toBe(1);
      expect(await outboxRows(t, id)).toHaveLength(1);
    });
  });

  describe('void', () => {
    it('marks the event void (audited, one outbox row), keeps it, and answers a retry the same', async () => {
      const { body: event } = await post(u.psm, permakanan()).expect(201);
      const res = await t.http
        .post(`/api/v1/service-events/${event.id}/void`)
        .set(bearer(u.psm))
        .send({ reason: 'Tercatat dua kali' })
        .expect(200);
      expect(res.body).toMatchObject({
        id: event.id,
        voided: true,
        voidedBy: u.psm.id,
        voidReason: 'Tercatat dua kali',
        amount: event.amount,
      });
      const rows = await outboxRows(t, event.id);
      expect(rows.map((r) => r.payload.change)).toEqual(['CREATED', 'VOIDED']);
      expect(rows[1].payload).toMatchObject({
        before: { subKegiatanKode: PERMAKANAN, beneficiaryId: person },
        after: null,
      });
      const audit = await t.dataSource.query(
        "SELECT actor_id, changes FROM audit_entry WHERE action = 'service-event.void' AND entity_id = $1",
        [event.id],
      );
      expect(audit).toEqual([
        {
          actor_id: u.psm.id,
          changes: { voidReason: { before: null, after: 'Tercatat dua kali' } },
        },
      ]);
      await t.http
        .post(`/api/v1/service-events/${event.id}/void`)
        .set(bearer(u.psm))
        .send({ reason: 'Tercatat dua kali' })
        .expect(200);
      const again = await t.http
        .post(`/api/v1/service-events/${event.id}/void`)
        .set(bearer(u.operator))
        .send({ reason: 'lain' })
        .expect(409);
      expect(again.body.code).toBe('SERVICE_EVENT_ALREADY_VOIDED');
      expect(await outboxRows(t, event.id)).toHaveLength(2);
    });

    it('lets field workers void only their own records, and only within their wilayah', async () => {
      const { body: event } = await post(u.operator, permakanan()).expect(201);
      const mine = await t.http
        .post(`/api/v1/service-events/${event.id}/void`)
        .set(bearer(u.psm))
        .send({ reason: 'salah' })
        .expect(403);
      expect(mine.body.code).toBe('VOID_NOT_ALLOWED');
      await t.http
        .post(`/api/v1/service-events/${event.id}/void`)
        .set(bearer(u.psmElsewhere))
        .send({ reason: 'salah' })
        .expect(404);
      await t.http
        .post(`/api/v1/service-events/${event.id}/void`)
        .set(bearer(u.operator))
        .send({ reason: '  ' })
        .expect(400);
    });

    it('is the only change the database allows: no edit, no delete', async () => {
      const { body: event } = await post(u.tksk, permakanan()).expect(201);
      await expect(
        t.dataSource.query('UPDATE service_event SET amount = 1 WHERE id = $1', [event.id]),
      ).rejects.toThrow(/never edited/);
      await expect(
        t.dataSource.query('DELETE FROM service_event WHERE id = $1', [event.id]),
      ).rejects.toThrow(/never deleted/);
    });
  });

  describe('lists and history', () => {
    let listed: string;
    let ids: string[];

    beforeAll(async () => {
      listed = await registerPerson(t, u.operator, { desaKode: KALAHIANG });
      ids = [];
      for (let day = 0; day < 5; day++) {
        const res = await post(u.operator, {
          type: 'SANDANG',
          beneficiaryId: listed,
          subKegiatanKode: '1.06.04.2.01.0002',
          date: agencyDate(t, -day),
        }).expect(201);
        ids.push(res.body.id);
      }
    });

    it('pages newest first with a cursor, without gaps or repeats', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: Response = await t.http
          .get('/api/v1/service-events')
          .query({ beneficiaryId: listed, limit: 2, ...(cursor ? { cursor } : {}) })
          .set(bearer(u.tksk))
          .expect(200);
        seen.push(...res.body.items.map((e: { id: string }) => e.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(ids);
    });

    it('filters by sub-kegiatan (or its kegiatan), type, dates, wilayah and recorder', async () => {
      const q = (query: Record<string, string>) =>
        t.http
          .get('/api/v1/service-events')
          .query({ beneficiaryId: listed, ...query })
          .set(bearer(u.operator))
          .expect(200)
          .then((r) => r.body.items.map((e: { id: string }) => e.id));
      expect(await q({ subKegiatanKode: '1.06.04.2.01.0002' })).toEqual(ids);
      expect(await q({ subKegiatanKode: '1.06.04.2.01' })).toEqual(ids);
      expect(await q({ subKegiatanKode: '1.06.04.2.01.0001' })).toEqual([]);
      expect(await q({ type: 'SANDANG', from: agencyDate(t, -1) })).toEqual(ids.slice(0, 2));
      expect(await q({ to: agencyDate(t, -3) })).toEqual(ids.slice(3));
      expect(await q({ wilayahKode: KALAHIANG, recordedBy: u.operator.id })).toEqual(ids);
      expect(await q({ wilayahKode: MUARA_NINIAN })).toEqual([]);
      await t.http.get('/api/v1/service-events?cursor=rusak').set(bearer(u.operator)).expect(400);
    });

    it('shows field workers only the services given in their wilayah', async () => {
      const mine = await t.http
        .get('/api/v1/service-events')
        .query({ beneficiaryId: listed })
        .set(bearer(u.psm))
        .expect(200);
      expect(mine.body.items).toEqual([]);
      await t.http.get(`/api/v1/service-events/${ids[0]}`).set(bearer(u.psm)).expect(404);
      await t.http.get(`/api/v1/service-events/${ids[0]}`).set(bearer(u.tksk)).expect(200);
    });

    it('moves services and cases to the survivor of a merge', async () => {
      const duplicate = await registerPerson(t, u.operator, { name: 'Ahmad Dobel' });
      const survivor = await registerPerson(t, u.operator, { name: 'Ahmad Asli' });
      const live = await post(u.operator, permakanan({ beneficiaryId: duplicate })).expect(201);
      const voided = await post(u.operator, permakanan({ beneficiaryId: duplicate })).expect(201);
      await t.http
        .post(`/api/v1/service-events/${voided.body.id}/void`)
        .set(bearer(u.operator))
        .send({ reason: 'salah' })
        .expect(200);
      const kase = await t.http
        .post('/api/v1/cases')
        .set(bearer(u.operator))
        .send({ type: 'AMPK', beneficiaryId: duplicate, summary: 'Anak perlu perlindungan' })
        .expect(201);
      await t.http
        .post(`/api/v1/beneficiaries/${duplicate}/merge`)
        .set(bearer(u.operator))
        .send({ intoId: survivor })
        .expect(200);

      const moved = await t.http
        .get('/api/v1/service-events')
        .query({ beneficiaryId: survivor })
        .set(bearer(u.operator))
        .expect(200);
      expect(moved.body.items.map((e: { id: string }) => e.id).sort()).toEqual(
        [live.body.id, voided.body.id].sort(),
      );
      // Moving is not a new record: casework's rows stay one per create and void.
      expect((await outboxRows(t, live.body.id)).map((r) => r.payload.change)).toEqual(['CREATED']);
      expect((await outboxRows(t, voided.body.id)).map((r) => r.payload.change)).toEqual([
        'CREATED',
        'VOIDED',
      ]);
      const caseNow = await t.http.get(`/api/v1/cases/${kase.body.id}`).set(bearer(u.operator));
      expect(caseNow.body.beneficiaryId).toBe(survivor);
    });

    it("puts the person's services in their history", async () => {
      const res: Response = await t.http
        .get(`/api/v1/beneficiaries/${listed}/history`)
        .query({ limit: 100 })
        .set(bearer(u.operator))
        .expect(200);
      const services = res.body.items.filter((e: { type: string }) => e.type === 'SERVICE');
      expect(services.map((e: { ref: { id: string } }) => e.ref.id).sort()).toEqual(
        [...ids].sort(),
      );
      expect(services[0]).toMatchObject({
        ref: { entity: 'service_event' },
        details: { serviceType: 'SANDANG', subKegiatanKode: '1.06.04.2.01.0002', voided: false },
      });
    });
  });
});
