import { Role } from '@pilar/auth';
import { BeneficiaryMergeService } from '@pilar/registry';
import { SignedInUser, TestApp } from '@pilar/testing';

const BALANG = '63.11.06.2005';
const KALAHIANG = '63.11.06.2006';
const JUAI_DESA = '63.11.01.2003';

describe('Likely duplicates and merge (e2e)', () => {
  let t: TestApp;
  let operator: SignedInUser;
  let tksk: SignedInUser;
  const ids: Record<string, string> = {};
  const participantCalls: { fromId: string; intoId: string; inTransaction: boolean }[] = [];

  const send = (user: SignedInUser, path: string, body: object) =>
    t.http.post(`/api/v1${path}`).auth(user.token, { type: 'bearer' }).send(body);
  const get = (user: SignedInUser, path: string) =>
    t.http.get(`/api/v1${path}`).auth(user.token, { type: 'bearer' });
  const register = async (key: string, body: object): Promise<void> => {
    const res = await send(operator, '/beneficiaries', {
      sex: 'L',
      birthDate: '1990-05-05',
      desaKode: BALANG,
      ...body,
    }).expect(201);
    ids[key] = res.body.id;
  };
  const pairsOf = (body: { items: { first: { id: string }; second: { id: string } }[] }) =>
    body.items.map((p) => [p.first.id, p.second.id].sort().join('|'));
  const pair = (a: string, b: string): string => [ids[a], ids[b]].sort().join('|');

  beforeAll(async () => {
    t = await TestApp.create();
    operator = await t.signIn(Role.Operator);
    tksk = await t.signIn(Role.Tksk, '63.11.06');
    t.get(BeneficiaryMergeService).registerParticipant({
      name: 'test-participant',
      onMerge: (m, fromId, intoId) => {
        participantCalls.push({
          fromId,
          intoId,
          inTransaction: m.queryRunner?.isTransactionActive ?? false,
        });
        return Promise.resolve();
      },
    });
    await register('rizki', {
      name: 'Muhammad Rizki',
      ppks: [{ kode: 'PENYANDANG_DISABILITAS', since: '2026-01-01' }],
    });
    await register('rizky', {
      name: 'Muhamad Rizky',
      nik: '6311060505900001',
      desaKode: KALAHIANG,
      ppks: [
        { kode: 'PENYANDANG_DISABILITAS', since: '2026-03-01', terlantar: true },
        { kode: 'PENGEMIS', since: '2026-02-01' },
      ],
    });
    await register('ridwan', { name: 'Muhammad Ridwan' });
    await register('otherDay', { name: 'Muhammad Rizki', birthDate: '1990-05-06' });
    await register('fauzi', { name: 'Ahmad Fauzi', birthDate: '1975-07-07' });
    await register('fauzan', { name: 'Ahmad Fauzan', birthDate: '1975-07-07' });
    await register('juai1', {
      name: 'Siti Rahmah',
      birthDate: '1980-01-01',
      desaKode: JUAI_DESA,
      sex: 'P',
    });
    await register('juai2', {
      name: 'Siti Rahma',
      birthDate: '1980-01-01',
      desaKode: JUAI_DESA,
      sex: 'P',
    });
  });
  afterAll(() => t.close());

  it('lists similar names with the same birth date and kecamatan, and nothing else', async () => {
    const res = await get(operator, '/beneficiaries/duplicates').expect(200);
    expect(pairsOf(res.body).sort()).toEqual(
      [pair('rizki', 'rizky'), pair('fauzi', 'fauzan'), pair('juai1', 'juai2')].sort(),
    );
    const rizki = res.body.items.find((p: { first: { id: string }; second: { id: string } }) =>
      [p.first.id, p.second.id].includes(ids.rizki),
    );
    expect(rizki.similarity).toBeCloseTo(0.611, 2);
    // Lists mask the NIK.
    expect(JSON.stringify(res.body)).not.toContain('6311060505900001');
  });

  it('pages through the pairs with a cursor', async () => {
    const first = await get(operator, '/beneficiaries/duplicates?limit=2').expect(200);
    expect(first.body.items).toHaveLength(2);
    const rest = await get(
      operator,
      `/beneficiaries/duplicates?limit=2&cursor=${first.body.nextCursor}`,
    ).expect(200);
    expect(rest.body).toMatchObject({ nextCursor: null });
    expect([...pairsOf(first.body), ...pairsOf(rest.body)]).toHaveLength(3);
  });

  it('shows a TKSK only the pairs in their kecamatan', async () => {
    const res = await get(tksk, '/beneficiaries/duplicates').expect(200);
    expect(pairsOf(res.body)).not.toContain(pair('juai1', 'juai2'));
    expect(pairsOf(res.body)).toContain(pair('rizki', 'rizky'));
  });

  it("lists one person's likely duplicates, a lower threshold finding more", async () => {
    const strict = await get(operator, `/beneficiaries/${ids.rizki}/duplicates`).expect(200);
    const others = (pairs: { first: { id: string }; second: { id: string } }[]) =>
      pairs.map((p) => (p.first.id === ids.rizki ? p.second.id : p.first.id));
    expect(others(strict.body)).toEqual([ids.rizky]);
    const loose = await get(
      operator,
      `/beneficiaries/${ids.rizki}/duplicates?minSimilarity=0.5`,
    ).expect(200);
    expect(others(loose.body).sort()).toEqual([ids.rizky, ids.ridwan].sort());
  });

  it('remembers that two records are different people', async () => {
    const decided = await send(operator, `/beneficiaries/${ids.fauzi}/not-duplicates`, {
      otherId: ids.fauzan,
      note: 'Kakak beradik, dicek di KK',
    }).expect(201);
    expect(decided.body).toMatchObject({ decidedAt: expect.any(String) });
    await send(operator, `/beneficiaries/${ids.fauzan}/not-duplicates`, {
      otherId: ids.fauzi,
    }).expect(201);
    const res = await get(operator, '/beneficiaries/duplicates').expect(200);
    expect(pairsOf(res.body)).not.toContain(pair('fauzi', 'fauzan'));
    const [{ n }] = await t.dataSource.query(
      "SELECT count(*)::int AS n FROM audit_entry WHERE action = 'beneficiary.not-duplicate'",
    );
    expect(n).toBe(1);
  });

  it('lets only Dinsos staff merge', async () => {
    const res = await send(tksk, `/beneficiaries/${ids.rizky}/merge`, { intoId: ids.rizki }).expect(
      403,
    );
    expect(res.body.code).toBe('ROLE_NOT_ALLOWED');
  });

  it('merges: classifications move, the survivor takes the NIK, the other points to it', async () => {
    const res = await send(operator, `/beneficiaries/${ids.rizky}/merge`, {
      intoId: ids.rizki,
    }).expect(200);
    expect(res.body).toMatchObject({
      id: ids.rizki,
      nik: '6311060505900001',
      name: 'Muhammad Rizki',
      version: 2,
    });
    // The overlapping DISABILITAS periods became one; PENGEMIS moved as it was.
    expect(
      res.body.ppks.map((p: { kode: string; since: string; terlantar: boolean }) => [
        p.kode,
        p.since,
        p.terlantar,
      ]),
    ).toEqual([
      ['PENYANDANG_DISABILITAS', '2026-01-01', true],
      ['PENGEMIS', '2026-02-01', false],
    ]);
    expect(participantCalls).toEqual([
      { fromId: ids.rizky, intoId: ids.rizki, inTransaction: true },
    ]);

    const gone = await get(operator, `/beneficiaries/${ids.rizky}`).expect(404);
    expect(gone.body).toMatchObject({ code: 'BENEFICIARY_NOT_FOUND', mergedIntoId: ids.rizki });
    const [loser] = await t.dataSource.query(
      'SELECT status, merged_into_id FROM beneficiary WHERE id = $1',
      [ids.rizky],
    );
    expect(loser).toEqual({ status: 'MERGED', merged_into_id: ids.rizki });
    const audit = await t.dataSource.query(
      "SELECT entity_id, changes FROM audit_entry WHERE action = 'beneficiary.merge' ORDER BY id",
    );
    expect(audit.map((a: { entity_id: string }) => a.entity_id)).toEqual([ids.rizky, ids.rizki]);
    expect(audit[0].changes.status).toEqual({ before: 'AKTIF', after: 'MERGED' });
    expect(audit[1].changes.nik).toEqual({ before: null, after: '6311060505900001' });
    // Each period moved, folded away or widened by the merge has its own entry: PENGEMIS moved;
    // the DISABILITAS of the merged record removed, the survivor's now terlantar.
    const periods = await t.dataSource.query(
      "SELECT changes FROM audit_entry WHERE action = 'ppks-classification.merge' ORDER BY id",
    );
    expect(periods.map((p: { changes: object }) => p.changes)).toEqual([
      { beneficiaryId: { before: ids.rizky, after: ids.rizki } },
      {
        beneficiaryId: { before: ids.rizky, after: null },
        since: { before: '2026-03-01', after: null },
        terlantar: { before: true, after: null },
      },
      { terlantar: { before: false, after: true } },
    ]);

    const duplicates = await get(operator, '/beneficiaries/duplicates').expect(200);
    expect(pairsOf(duplicates.body)).toEqual([pair('juai1', 'juai2')]);
    const byNik = await get(operator, '/beneficiaries?nik=6311060505900001').expect(200);
    expect(byNik.body.items.map((b: { id: string }) => b.id)).toEqual([ids.rizki]);
  });

  it('refuses to merge into a merged-away record, or a record into itself', async () => {
    await send(operator, `/beneficiaries/${ids.ridwan}/merge`, { intoId: ids.rizky }).expect(404);
    const self = await send(operator, `/beneficiaries/${ids.ridwan}/merge`, {
      intoId: ids.ridwan,
    }).expect(409);
    expect(self.body.code).toBe('MERGE_NOT_ALLOWED');
  });
});
