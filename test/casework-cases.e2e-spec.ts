import { randomUUID } from 'node:crypto';
import { TestApp } from '@pilar/testing';
import {
  agencyDate,
  bearer,
  caseworkUsers,
  CaseworkUsers,
  planRenja,
  registerPerson,
  REUNIFIKASI_SUB,
  thisYear,
} from './casework-fixtures';
import type { Response } from 'supertest';

/** Cases: a reunifikasi in relay through all its states, refusals, assignment, scope. */
describe('Cases (e2e)', () => {
  let t: TestApp;
  let u: CaseworkUsers;
  let person: string;

  const open = (user: { token: string }, body: Record<string, unknown>) =>
    t.http.post('/api/v1/cases').set(bearer(user)).send(body);
  const move = (user: { token: string }, id: string, body: Record<string, unknown>) =>
    t.http.post(`/api/v1/cases/${id}/transitions`).set(bearer(user)).send(body);

  beforeAll(async () => {
    t = await TestApp.create();
    u = await caseworkUsers(t);
    await planRenja(t, u.admin, thisYear(t), [REUNIFIKASI_SUB]);
    person = await registerPerson(t, u.operator, { name: 'Orang Terlantar Terminal' });
  });
  afterAll(() => t.close());

  it('takes a REUNIFIKASI case through every state with its documents and relay legs', async () => {
    const id = randomUUID();
    const body = {
      id,
      type: 'REUNIFIKASI',
      beneficiaryId: person,
      summary: 'Ditemukan di Terminal Paringin, mengaku berasal dari Surabaya.',
    };
    const opened = await open(u.tksk, body).expect(201);
    expect(opened.body).toMatchObject({
      id,
      status: 'REPORTED',
      version: 1,
      transitions: [{ from: null, to: 'REPORTED', note: body.summary, by: u.tksk.id }],
      allowedTransitions: ['ASSESSMENT', 'CLOSED'],
    });
    expect((await open(u.tksk, body).expect(200)).body.id).toBe(id);
    expect((await open(u.tksk, { ...body, summary: 'lain' }).expect(409)).body.code).toBe(
      'IDEMPOTENCY_CONFLICT',
    );

    const illegal = await move(u.tksk, id, { to: 'REUNIFIED', note: 'langsung' }).expect(409);
    expect(illegal.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', from: 'REPORTED' });

    await move(u.tksk, id, { to: 'ASSESSMENT', note: 'Asesmen awal' }).expect(200);
    await move(u.tksk, id, { to: 'INTERVENTION', note: 'Penelusuran keluarga' }).expect(200);

    const unmet = await move(u.tksk, id, { to: 'REUNIFIED', note: 'pulang' }).expect(409);
    expect(unmet.body.code).toBe('TRANSITION_REQUIREMENTS_UNMET');
    expect(unmet.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'family',
      'documents.SURAT_PENGANTAR_DINSOS',
      'documents.SURAT_KETERANGAN_KEPOLISIAN',
      'documents.IDENTITAS',
    ]);

    await t.http
      .put(`/api/v1/cases/${id}/family`)
      .set(bearer(u.tksk))
      .send({
        name: 'Siti Aminah',
        relationship: 'Ibu kandung',
        desaKode: '35.78.01.1001',
        foundOn: agencyDate(t, -2),
      })
      .expect(200);
    const documents: [string, string][] = [
      ['SURAT_PENGANTAR_DINSOS', 'Dinas Sosial Kabupaten Balangan'],
      ['SURAT_KETERANGAN_KEPOLISIAN', 'Polres Balangan'],
      ['IDENTITAS', 'Disdukcapil Kota Surabaya'],
    ];
    for (const [kind, issuedBy] of documents) {
      await t.http
        .put(`/api/v1/cases/${id}/documents/${kind}`)
        .set(bearer(u.tksk))
        .send({ issuedBy, reference: `${kind}/2026`, issuedOn: agencyDate(t, -1) })
        .expect(200);
    }
    // The family lives in Kota Surabaya: the person must be handed to its Dinas Sosial.
    const noRelay = await move(u.tksk, id, { to: 'REUNIFIED', note: 'pulang' }).expect(409);
    expect(noRelay.body.errors).toEqual([
      { field: 'relayLegs', message: expect.stringContaining('35.78') },
    ]);
    await t.http
      .post(`/api/v1/cases/${id}/relay-legs`)
      .set(bearer(u.tksk))
      .send({
        receivingAgency: 'Dinas Sosial Kota Banjarmasin',
        receivingWilayahKode: '63.71',
        handedOverOn: agencyDate(t, -1),
      })
      .expect(201);
    await t.http
      .post(`/api/v1/cases/${id}/relay-legs`)
      .set(bearer(u.tksk))
      .send({
        receivingAgency: 'Dinas Sosial Kota Surabaya',
        receivingWilayahKode: '35.78',
        handedOverOn: agencyDate(t),
      })
      .expect(201);

    const service = await t.http
      .post('/api/v1/service-events')
      .set(bearer(u.tksk))
      .send({
        type: 'REUNIFIKASI',
        beneficiaryId: person,
        subKegiatanKode: REUNIFIKASI_SUB,
        date: agencyDate(t),
        amount: 750_000,
        unit: 'tiket',
        caseId: id,
      })
      .expect(201);

    await move(u.tksk, id, { to: 'REUNIFIED', note: 'Diterima keluarga di Surabaya' }).expect(200);
    await move(u.tksk, id, { to: 'MONITORING', note: 'Pemantauan lewat Dinsos Surabaya' }).expect(
      200,
    );
    const closed = await move(u.operator, id, { to: 'CLOSED', note: 'Selesai' }).expect(200);
    expect(closed.body.status).toBe('CLOSED');

    const detail = await t.http.get(`/api/v1/cases/${id}`).set(bearer(u.tksk)).expect(200);
    expect(
      detail.body.transitions.map((s: { from: string | null; to: string }) => [s.from, s.to]),
    ).toEqual([
      [null, 'REPORTED'],
      ['REPORTED', 'ASSESSMENT'],
      ['ASSESSMENT', 'INTERVENTION'],
      ['INTERVENTION', 'REUNIFIED'],
      ['REUNIFIED', 'MONITORING'],
      ['MONITORING', 'CLOSED'],
    ]);
    expect(detail.body.transitions[5]).toMatchObject({
      by: u.operator.id,
      note: 'Selesai',
      at: expect.any(String),
    });
    expect(detail.body.family).toMatchObject({ name: 'Siti Aminah', desaKode: '35.78.01.1001' });
    expect(detail.body.documents.map((d: { kind: string }) => d.kind).sort()).toEqual(
      documents.map(([kind]) => kind).sort(),
    );
    expect(
      detail.body.relayLegs.map((l: { seq: number; receivingWilayahKode: string }) => [
        l.seq,
        l.receivingWilayahKode,
      ]),
    ).toEqual([
      [1, '63.71'],
      [2, '35.78'],
    ]);
    expect(detail.body.events).toEqual([
      expect.objectContaining({ id: service.body.id, caseId: id }),
    ]);
    expect(detail.body.allowedTransitions).toEqual(['REOPENED']);

    const audited = await t.dataSource.query(
      "SELECT action FROM audit_entry WHERE entity = 'case' AND entity_id = $1 ORDER BY id",
      [id],
    );
    expect(audited.map((a: { action: string }) => a.action)).toEqual([
      'case.open',
      'case.transition',
      'case.transition',
      'case.family',
      'case.document',
      'case.document',
      'case.document',
      'case.relay-leg',
      'case.relay-leg',
      'case.transition',
      'case.transition',
      'case.transition',
    ]);

    // Closed: nothing changes until it is reopened.
    const frozen = await t.http
      .put(`/api/v1/cases/${id}/documents/IDENTITAS`)
      .set(bearer(u.tksk))
      .send({ issuedBy: 'x' })
      .expect(409);
    expect(frozen.body.code).toBe('CASE_CLOSED');
    await move(u.tksk, id, { to: 'ASSESSMENT', note: 'lagi' }).expect(409);
    await move(u.tksk, id, { to: 'REOPENED', note: 'Kembali ke terminal' }).expect(200);
    const reopened = await move(u.tksk, id, { to: 'ASSESSMENT', note: 'Asesmen ulang' }).expect(
      200,
    );
    expect(reopened.body.status).toBe('ASSESSMENT');

    const history = await t.http
      .get(`/api/v1/beneficiaries/${person}/history`)
      .query({ limit: 100 })
      .set(bearer(u.tksk))
      .expect(200);
    const steps = history.body.items.filter(
      (e: { ref: { entity: string } }) => e.ref.entity === 'case',
    );
    expect(steps).toHaveLength(8);
    expect(steps.map((e: { type: string }) => e.type)).toContain('CASE_REUNIFIED');
  });

  it('asks a referral for the institution, and lets a RUJUKAN end only in REFERRED', async () => {
    const { body: kase } = await open(u.operator, {
      type: 'RUJUKAN',
      beneficiaryId: person,
      summary: 'Lansia terlantar perlu panti',
    }).expect(201);
    await move(u.operator, kase.id, { to: 'ASSESSMENT', note: 'a' }).expect(200);
    await move(u.operator, kase.id, { to: 'INTERVENTION', note: 'b' }).expect(200);
    await move(u.operator, kase.id, { to: 'REUNIFIED', note: 'c' }).expect(409);
    const noPlace = await move(u.operator, kase.id, { to: 'REFERRED', note: 'c' }).expect(409);
    expect(noPlace.body.errors[0].field).toBe('referredTo');
    const referred = await move(u.operator, kase.id, {
      to: 'REFERRED',
      note: 'Diantar ke panti',
      referredTo: 'UPT Pelayanan Sosial Tresna Werdha',
    }).expect(200);
    expect(referred.body).toMatchObject({
      status: 'REFERRED',
      referredTo: 'UPT Pelayanan Sosial Tresna Werdha',
    });
  });

  it('refuses a stale version, and assigns only workers whose wilayah covers the case', async () => {
    const { body: kase } = await open(u.psm, {
      type: 'AMPK',
      beneficiaryId: person,
      summary: 'Anak perlu perlindungan khusus',
    }).expect(201);
    const stale = await move(u.psm, kase.id, { to: 'ASSESSMENT', note: 'x', version: 7 }).expect(
      409,
    );
    expect(stale.body.code).toBe('STALE_VERSION');
    const assigned = await t.http
      .put(`/api/v1/cases/${kase.id}/assignee`)
      .set(bearer(u.operator))
      .send({ userId: u.tksk.id, version: 1 })
      .expect(200);
    expect(assigned.body).toMatchObject({ assignedTo: u.tksk.id, version: 2 });
    const far = await t.http
      .put(`/api/v1/cases/${kase.id}/assignee`)
      .set(bearer(u.operator))
      .send({ userId: u.psmElsewhere.id })
      .expect(400);
    expect(far.body.errors[0].field).toBe('userId');
    const mine = await t.http
      .get('/api/v1/cases')
      .query({ assignedTo: u.tksk.id })
      .set(bearer(u.tksk))
      .expect(200);
    expect(mine.body.items.map((c: { id: string }) => c.id)).toEqual([kase.id]);
  });

  it('hides cases outside the wilayah and refuses a service of another person in a case', async () => {
    const { body: kase } = await open(u.operator, {
      type: 'REHABILITASI',
      beneficiaryId: person,
      summary: 'Rehabilitasi sosial dasar',
    }).expect(201);
    await t.http.get(`/api/v1/cases/${kase.id}`).set(bearer(u.psmElsewhere)).expect(404);
    await move(u.psmElsewhere, kase.id, { to: 'ASSESSMENT', note: 'x' }).expect(404);
    await open(u.psmElsewhere, { type: 'AMPK', beneficiaryId: person, summary: 'x' }).expect(404);
    const listed = await t.http.get('/api/v1/cases').set(bearer(u.psmElsewhere)).expect(200);
    expect(listed.body.items).toEqual([]);

    const other = await registerPerson(t, u.operator);
    const res = await t.http
      .post('/api/v1/service-events')
      .set(bearer(u.operator))
      .send({ type: 'KUNJUNGAN', beneficiaryId: other, date: agencyDate(t), caseId: kase.id })
      .expect(400);
    expect(res.body.errors).toEqual([
      { field: 'caseId', message: expect.stringContaining('another person') },
    ]);
  });

  it('pages cases newest first', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await t.http
        .get('/api/v1/cases')
        .query({ beneficiaryId: person, limit: 1, ...(cursor ? { cursor } : {}) })
        .set(bearer(u.operator))
        .expect(200);
      seen.push(...res.body.items.map((c: { id: string }) => c.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    const all = await t.dataSource.query(
      'SELECT id FROM social_case WHERE beneficiary_id = $1 ORDER BY created_at DESC, id DESC',
      [person],
    );
    expect(seen).toEqual(all.map((r: { id: string }) => r.id));
    expect(seen.length).toBeGreaterThanOrEqual(4);
  });
});
