import { TestApp } from '@pilar/testing';
import {
  agencyDate,
  BALANG,
  bearer,
  caseworkUsers,
  CaseworkUsers,
  KALAHIANG,
  MAKANAN_BENCANA,
  planRenja,
  registerPerson,
  thisYear,
} from './casework-fixtures';
import type { Response } from 'supertest';

/** A NIK of kecamatan Paringin for a man born on 1 July 1980, with a serial. */
const nikOf = (serial: number): string => `631106010780${String(serial).padStart(4, '0')}`;
const kkOf = (serial: number): string => `631106${String(serial).padStart(10, '0')}`;

/** Disasters, their victims registered in bulk, and services linked to the tanggap darurat. */
describe('Disasters (e2e)', () => {
  let t: TestApp;
  let u: CaseworkUsers;
  let disasterId: string;
  let start: string;

  const registerVictims = (user: { token: string }, id: string, body: Record<string, unknown>) =>
    t.http.post(`/api/v1/disasters/${id}/victims/bulk`).set(bearer(user)).send(body);
  const service = (user: { token: string }, body: Record<string, unknown>) =>
    t.http
      .post('/api/v1/service-events')
      .set(bearer(user))
      .send({
        type: 'TANGGAP_DARURAT',
        subKegiatanKode: MAKANAN_BENCANA,
        quantity: 1,
        unit: 'paket',
        ...body,
      });

  beforeAll(async () => {
    t = await TestApp.create();
    u = await caseworkUsers(t);
    await planRenja(t, u.admin, thisYear(t), [MAKANAN_BENCANA]);
    // Keep the whole window inside this year, whatever day the tests run.
    start =
      `${thisYear(t)}-01-01` > agencyDate(t, -10) ? `${thisYear(t)}-01-01` : agencyDate(t, -10);
  });
  afterAll(() => t.close());

  it('registers a disaster (staff only) and refuses bad dates and a wilayah outside the agency', async () => {
    const body = {
      name: 'Kebakaran Pasar Paringin',
      type: 'SOSIAL',
      startDate: start,
      emergencyEndDate: agencyDate(t, 7),
      wilayahKode: '63.11.06',
    };
    await t.http.post('/api/v1/disasters').set(bearer(u.tksk)).send(body).expect(403);
    const res = await t.http
      .post('/api/v1/disasters')
      .set(bearer(u.operator))
      .send(body)
      .expect(201);
    expect(res.body).toMatchObject({ ...body, victims: { jiwa: 0, kk: 0 } });
    disasterId = res.body.id;

    const bad = await t.http
      .post('/api/v1/disasters')
      .set(bearer(u.operator))
      .send({
        ...body,
        startDate: agencyDate(t, 1),
        emergencyEndDate: agencyDate(t, -1),
        wilayahKode: '35.78',
      })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'emergencyEndDate',
      'startDate',
      'wilayahKode',
    ]);
    const audit = await t.dataSource.query(
      "SELECT 1 FROM audit_entry WHERE action = 'disaster.create' AND entity_id = $1",
      [disasterId],
    );
    expect(audit).toHaveLength(1);
  });

  it('registers 200 victims in one call, with and without NIK, as people and households', async () => {
    const people = Array.from({ length: 160 }, (_, i) =>
      i < 20
        ? {
            nik: nikOf(i + 1),
            name: `Korban Ber-NIK ${i}`,
            sex: 'L',
            birthDate: '1980-07-01',
            desaKode: BALANG,
          }
        : {
            name: `Korban Tanpa NIK ${i}`,
            sex: i % 2 ? 'L' : 'P',
            birthDate: '1975-03-15',
            desaKode: i % 3 ? BALANG : KALAHIANG,
          },
    );
    const households = Array.from({ length: 10 }, (_, h) => ({
      ...(h < 5 ? { noKk: kkOf(h + 1) } : {}),
      desaKode: BALANG,
      alamat: `Los pasar blok ${h}`,
      members: Array.from({ length: 4 }, (_, m) => ({
        name: `Anggota ${h}-${m}`,
        sex: m % 2 ? 'P' : 'L',
        birthDate: `19${80 + m}-05-0${m + 1}`,
        relationship: m === 0 ? 'KEPALA_KELUARGA' : 'ANAK',
      })),
    }));
    const res = await registerVictims(u.tksk, disasterId, { people, households }).expect(201);
    expect(res.body.count).toBe(200);
    expect(
      new Set(res.body.victims.map((v: { beneficiaryId: string }) => v.beneficiaryId)).size,
    ).toBe(200);

    const detail = await t.http
      .get(`/api/v1/disasters/${disasterId}`)
      .set(bearer(u.pimpinan))
      .expect(200);
    expect(detail.body.victims).toEqual({ jiwa: 200, kk: 10 });

    const [classified] = await t.dataSource.query(
      `SELECT count(*)::int AS n, min(ppks_kode) AS kode, min(until)::text AS until, max(until)::text AS until_max
       FROM ppks_classification WHERE disaster_id = $1`,
      [disasterId],
    );
    expect(classified).toEqual({
      n: 200,
      kode: 'KORBAN_BENCANA_SOSIAL',
      until: agencyDate(t, 7),
      until_max: agencyDate(t, 7),
    });
  });

  it('registers nothing when any victim is invalid, and names each bad field by position', async () => {
    const res = await registerVictims(u.operator, disasterId, {
      people: [
        { name: 'Sah', sex: 'L', birthDate: '1990-01-01', desaKode: BALANG },
        {
          nik: '6311061707800001',
          name: 'NIK salah',
          sex: 'L',
          birthDate: '1980-07-01',
          desaKode: BALANG,
        },
      ],
      households: [
        { desaKode: BALANG, members: [{ name: 'Bayi', sex: 'P', birthDate: agencyDate(t, 2) }] },
      ],
    }).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'people[1].nik',
      'households[0].members[0].birthDate',
    ]);
    const detail = await t.http
      .get(`/api/v1/disasters/${disasterId}`)
      .set(bearer(u.operator))
      .expect(200);
    expect(detail.body.victims.jiwa).toBe(200);
    const named = await t.dataSource.query("SELECT 1 FROM beneficiary WHERE name = 'Sah'");
    expect(named).toHaveLength(0);
  });

  it('links services of a victim during the tanggap darurat to the disaster, and only then', async () => {
    const [victim] = (
      await t.http
        .get(`/api/v1/disasters/${disasterId}/victims`)
        .query({ limit: 1 })
        .set(bearer(u.tksk))
        .expect(200)
    ).body.items;
    const during = await service(u.tksk, {
      beneficiaryId: victim.beneficiaryId,
      date: agencyDate(t),
    }).expect(201);
    expect(during.body.disasterId).toBe(disasterId);
    const [{ payload }] = await t.dataSource.query(
      "SELECT payload FROM outbox WHERE aggregate_id = $1 AND payload->>'change' = 'CREATED'",
      [during.body.id],
    );
    expect(payload.disasterId).toBe(disasterId);

    if (start > `${thisYear(t)}-01-01`) {
      const before = await service(u.tksk, {
        beneficiaryId: victim.beneficiaryId,
        date: agencyDate(t, -11),
      }).expect(201);
      expect(before.body.disasterId).toBeNull();
    }
    const stranger = await registerPerson(t, u.operator);
    const unrelated = await service(u.tksk, {
      beneficiaryId: stranger,
      date: agencyDate(t),
    }).expect(201);
    expect(unrelated.body.disasterId).toBeNull();

    const households = await t.dataSource.query(
      'SELECT DISTINCT household_id FROM disaster_victim WHERE disaster_id = $1 AND household_id IS NOT NULL LIMIT 1',
      [disasterId],
    );
    const family = await service(u.tksk, {
      householdId: households[0].household_id,
      date: agencyDate(t),
    }).expect(201);
    expect(family.body.disasterId).toBe(disasterId);
  });

  it('takes a disaster named by the client only for a date since it began', async () => {
    const stranger = await registerPerson(t, u.operator);
    const linked = await service(u.operator, {
      beneficiaryId: stranger,
      date: agencyDate(t),
      disasterId,
    }).expect(201);
    expect(linked.body.disasterId).toBe(disasterId);
    if (start > `${thisYear(t)}-01-01`) {
      const early = await service(u.operator, {
        beneficiaryId: stranger,
        date: agencyDate(t, -11),
        disasterId,
      }).expect(400);
      expect(early.body.errors[0].field).toBe('disasterId');
    }
  });

  it('adds a person already in the registry as a victim, once', async () => {
    const person = await registerPerson(t, u.operator, { desaKode: KALAHIANG });
    const first = await t.http
      .post(`/api/v1/disasters/${disasterId}/victims`)
      .set(bearer(u.operator))
      .send({ beneficiaryId: person })
      .expect(201);
    expect(first.body).toMatchObject({ disasterId, beneficiaryId: person, desaKode: KALAHIANG });
    await t.http
      .post(`/api/v1/disasters/${disasterId}/victims`)
      .set(bearer(u.operator))
      .send({ beneficiaryId: person })
      .expect(200);
    const classes = await t.dataSource.query(
      'SELECT ppks_kode FROM ppks_classification WHERE beneficiary_id = $1 AND disaster_id = $2',
      [person, disasterId],
    );
    expect(classes).toEqual([{ ppks_kode: 'KORBAN_BENCANA_SOSIAL' }]);
    await t.http
      .post(`/api/v1/disasters/${disasterId}/victims`)
      .set(bearer(u.psmElsewhere))
      .send({ beneficiaryId: person })
      .expect(404);
  });

  it('shows victims only within the wilayah and disasters to every role', async () => {
    await t.http.get(`/api/v1/disasters/${disasterId}/victims`).set(bearer(u.pimpinan)).expect(403);
    const elsewhere = await t.http
      .get(`/api/v1/disasters/${disasterId}/victims`)
      .set(bearer(u.psmElsewhere))
      .expect(200);
    expect(elsewhere.body.items).toEqual([]);
    const kalahiang: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await t.http
        .get(`/api/v1/disasters/${disasterId}/victims`)
        .query({ limit: 100, ...(cursor ? { cursor } : {}) })
        .set(bearer(u.tksk))
        .expect(200);
      kalahiang.push(
        ...res.body.items.filter((v: { desaKode: string }) => v.desaKode === KALAHIANG),
      );
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(kalahiang.length).toBe(47 + 1);
    const list = await t.http
      .get('/api/v1/disasters')
      .query({ activeOn: agencyDate(t) })
      .set(bearer(u.pimpinan))
      .expect(200);
    expect(list.body.items.map((d: { id: string }) => d.id)).toEqual([disasterId]);
  });
});
