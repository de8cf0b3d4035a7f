import { Role } from '@pilar/auth';
import { SignedInUser, TestApp } from '@pilar/testing';

const BALANG = '63.11.06.2005';

describe('PPKS classifications and history (e2e)', () => {
  let t: TestApp;
  let operator: SignedInUser;
  let tksk: SignedInUser;

  beforeAll(async () => {
    t = await TestApp.create();
    operator = await t.signIn(Role.Operator);
    tksk = await t.signIn(Role.Tksk, '63.11.06');
  });
  afterAll(() => t.close());

  const send = (method: 'post' | 'patch', user: SignedInUser, path: string, body: object) =>
    t.http[method](`/api/v1${path}`).auth(user.token, { type: 'bearer' }).send(body);
  const get = (user: SignedInUser, path: string) =>
    t.http.get(`/api/v1${path}`).auth(user.token, { type: 'bearer' });
  const register = async (body: object): Promise<{ id: string; householdId: string | null }> =>
    (
      await send('post', tksk, '/beneficiaries', {
        sex: 'L',
        birthDate: '1950-06-06',
        desaKode: BALANG,
        ...body,
      }).expect(201)
    ).body;

  describe('periods of one type', () => {
    let id: string;
    let first: string;

    beforeAll(async () => {
      id = (await register({ name: 'Hasbullah' })).id;
    });

    it('opens a period, refuses an overlapping one, and ends it keeping the history', async () => {
      const opened = await send('post', tksk, `/beneficiaries/${id}/ppks`, {
        kode: 'LANJUT_USIA_TERLANTAR',
        since: '2026-01-01',
      }).expect(201);
      first = opened.body.id;
      expect(opened.body).toMatchObject({ level: 'PERSON', until: null, source: 'ASSESSMENT' });

      const overlap = await send('post', tksk, `/beneficiaries/${id}/ppks`, {
        kode: 'LANJUT_USIA_TERLANTAR',
        since: '2026-03-01',
      }).expect(409);
      expect(overlap.body.code).toBe('PPKS_PERIOD_OVERLAPS');

      const backwards = await send('patch', tksk, `/beneficiaries/${id}/ppks/${first}`, {
        until: '2025-12-31',
      }).expect(400);
      expect(backwards.body.errors[0]).toEqual({
        field: 'until',
        message: '2025-12-31 is before since (2026-01-01)',
      });
      const ended = await send('patch', tksk, `/beneficiaries/${id}/ppks/${first}`, {
        until: '2026-03-31',
      }).expect(200);
      expect(ended.body).toMatchObject({ id: first, since: '2026-01-01', until: '2026-03-31' });

      await send('post', tksk, `/beneficiaries/${id}/ppks`, {
        kode: 'LANJUT_USIA_TERLANTAR',
        since: '2026-06-01',
      }).expect(201);
      const detail = await get(tksk, `/beneficiaries/${id}`).expect(200);
      expect(
        detail.body.ppks.map((p: { since: string; until: string | null }) => [p.since, p.until]),
      ).toEqual([
        ['2026-01-01', '2026-03-31'],
        ['2026-06-01', null],
      ]);
    });

    it('finds the person by the type they hold today', async () => {
      const res = await get(tksk, '/beneficiaries?ppks=LANJUT_USIA_TERLANTAR').expect(200);
      expect(res.body.items.map((b: { id: string }) => b.id)).toContain(id);
      const none = await get(tksk, '/beneficiaries?ppks=PENGEMIS').expect(200);
      expect(none.body.items.map((b: { id: string }) => b.id)).not.toContain(id);
    });

    it('refuses a period starting in the future', async () => {
      const res = await send('post', tksk, `/beneficiaries/${id}/ppks`, {
        kode: 'PENGEMIS',
        since: '2027-01-01',
      }).expect(400);
      expect(res.body.errors[0]).toEqual({
        field: 'since',
        message: '2027-01-01 is in the future',
      });
    });

    it('lets Dinsos staff verify a PROPOSED classification, once', async () => {
      await send('post', tksk, `/beneficiaries/${id}/ppks/${first}/verification`, {
        status: 'VERIFIED',
      }).expect(403);
      const verified = await send(
        'post',
        operator,
        `/beneficiaries/${id}/ppks/${first}/verification`,
        {
          status: 'VERIFIED',
        },
      ).expect(200);
      expect(verified.body).toMatchObject({ verification: 'VERIFIED', reviewedBy: operator.id });
      expect(verified.body.reviewedAt).toEqual(expect.any(String));
      const again = await send(
        'post',
        operator,
        `/beneficiaries/${id}/ppks/${first}/verification`,
        {
          status: 'REJECTED',
        },
      ).expect(409);
      expect(again.body.code).toBe('ILLEGAL_VERIFICATION_TRANSITION');
    });

    it('gives the history in time order', async () => {
      const res = await get(tksk, `/beneficiaries/${id}/history`).expect(200);
      expect(res.body.items.map((e: { date: string; type: string }) => [e.date, e.type])).toEqual([
        ['2026-01-01', 'PPKS_START'],
        ['2026-03-31', 'PPKS_END'],
        ['2026-06-01', 'PPKS_START'],
      ]);
      expect(res.body.items[0]).toMatchObject({
        ref: { entity: 'ppks_classification', id: first },
        summary: 'Lanjut Usia Terlantar (ASSESSMENT, VERIFIED)',
        details: { ppksKode: 'LANJUT_USIA_TERLANTAR', level: 'PERSON' },
      });
      const page = await get(tksk, `/beneficiaries/${id}/history?limit=2`).expect(200);
      expect(page.body.items).toHaveLength(2);
      const rest = await get(
        tksk,
        `/beneficiaries/${id}/history?limit=2&cursor=${page.body.nextCursor}`,
      ).expect(200);
      expect(rest.body).toMatchObject({ items: [{ date: '2026-06-01' }], nextCursor: null });
    });

    it('audits every change of a classification', async () => {
      const rows = await t.dataSource.query(
        'SELECT action FROM audit_entry WHERE entity_id = $1 ORDER BY id',
        [first],
      );
      expect(rows.map((r: { action: string }) => r.action)).toEqual([
        'ppks-classification.create',
        'ppks-classification.update',
        'ppks-classification.verified',
      ]);
    });

    it('notes for the roll-up each change that moves figures, and the holder it left', async () => {
      const notes = (m: { query: typeof t.dataSource.query }) =>
        m.query<{ payload: object }[]>(
          `SELECT payload FROM outbox
           WHERE topic = 'rollup.ppks-classification' AND aggregate_id = $1 ORDER BY id`,
          [first],
        );
      // Opened, ended, verified.
      expect(await notes(t.dataSource)).toEqual(Array(3).fill({ payload: { beneficiaryId: id } }));

      const other = (await register({ name: 'Hasbullah Kedua' })).id;
      const runner = t.dataSource.createQueryRunner();
      await runner.startTransaction();
      try {
        const m = runner.manager;
        await m.query('UPDATE ppks_classification SET updated_at = now() WHERE id = $1', [first]);
        expect(await notes(m)).toHaveLength(3);
        await m.query('UPDATE ppks_classification SET beneficiary_id = $2 WHERE id = $1', [
          first,
          other,
        ]);
        expect((await notes(m)).slice(3)).toEqual(
          expect.arrayContaining([
            { payload: { beneficiaryId: other } },
            { payload: { beneficiaryId: id } },
          ]),
        );
        expect(await notes(m)).toHaveLength(5);
        await m.query('DELETE FROM ppks_classification WHERE id = $1', [first]);
        expect((await notes(m)).slice(5)).toEqual([{ payload: { beneficiaryId: other } }]);
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    });
  });

  describe('types counted per family (KK)', () => {
    it('refuses FAKIR_MISKIN for a person without household', async () => {
      const res = await send('post', tksk, '/beneficiaries', {
        name: 'Sendirian',
        sex: 'L',
        birthDate: '1960-01-01',
        desaKode: BALANG,
        ppks: [{ kode: 'FAKIR_MISKIN', since: '2026-01-01' }],
      }).expect(400);
      expect(res.body.errors[0]).toEqual({
        field: 'ppks[0].kode',
        message:
          'FAKIR_MISKIN is counted per family (KK): put the person in a household (householdId or noKk) first',
      });
    });

    it('gives FAKIR_MISKIN to the household, seen by every member', async () => {
      const head = await register({
        name: 'Kepala Miskin',
        noKk: '6311060202100003',
        relationship: 'KEPALA_KELUARGA',
        ppks: [
          { kode: 'FAKIR_MISKIN', since: '2026-02-01', source: 'DTKS' },
          { kode: 'PENYANDANG_DISABILITAS', since: '2026-02-01', terlantar: true },
        ],
      });
      const child = await register({
        name: 'Anak Miskin',
        birthDate: '2015-05-05',
        householdId: head.householdId,
        relationship: 'ANAK',
      });
      const detail = await get(tksk, `/beneficiaries/${child.id}`).expect(200);
      expect(detail.body.ppks).toEqual([
        expect.objectContaining({
          kode: 'FAKIR_MISKIN',
          level: 'HOUSEHOLD',
          householdId: head.householdId,
        }),
      ]);
      const headDetail = await get(tksk, `/beneficiaries/${head.id}`).expect(200);
      expect(headDetail.body.ppks).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            kode: 'PENYANDANG_DISABILITAS',
            level: 'PERSON',
            terlantar: true,
          }),
        ]),
      );
      const history = await get(tksk, `/beneficiaries/${child.id}/history`).expect(200);
      expect(history.body.items[0]).toMatchObject({
        type: 'PPKS_START',
        details: { ppksKode: 'FAKIR_MISKIN', level: 'HOUSEHOLD' },
      });
      const household = await get(tksk, `/households/${head.householdId}`).expect(200);
      expect(household.body.members).toHaveLength(2);
      expect(household.body.ppks).toEqual([expect.objectContaining({ kode: 'FAKIR_MISKIN' })]);
    });

    it('refuses a per-person type on a household', async () => {
      const household = await send('post', tksk, '/households', {
        desaKode: BALANG,
        ppks: [{ kode: 'KOMUNITAS_ADAT_TERPENCIL', since: '2026-01-01' }],
      }).expect(201);
      expect(household.body).toMatchObject({
        noKk: null,
        ppks: [{ kode: 'KOMUNITAS_ADAT_TERPENCIL' }],
      });
      const res = await send('post', tksk, `/households/${household.body.id}/ppks`, {
        kode: 'LANJUT_USIA_TERLANTAR',
        since: '2026-01-01',
      }).expect(400);
      expect(res.body.errors[0].message).toBe(
        'LANJUT_USIA_TERLANTAR is counted per person (JIWA): classify the member, not the household',
      );
    });
  });
});
