import { Role } from '@pilar/auth';
import { SignedInUser, TestApp } from '@pilar/testing';

const BALANG = '63.11.06.2005';
const KALAHIANG = '63.11.06.2006';
const JUAI_DESA = '63.11.01.2003';

describe('Beneficiary search (e2e)', () => {
  let t: TestApp;
  let operator: SignedInUser;

  const getAs = (user: SignedInUser, path: string) =>
    t.http.get(`/api/v1${path}`).auth(user.token, { type: 'bearer' });
  const get = (path: string) => getAs(operator, path);
  const register = async (person: object): Promise<string> => {
    const res = await t.http
      .post('/api/v1/beneficiaries')
      .auth(operator.token, { type: 'bearer' })
      .send({ sex: 'L', ...person })
      .expect(201);
    return res.body.id as string;
  };
  const names = (body: { items: { name: string }[] }): string[] => body.items.map((b) => b.name);

  beforeAll(async () => {
    t = await TestApp.create();
    operator = await t.signIn(Role.Operator);
    const people = [
      { name: 'Muhammad Rizki', desaKode: BALANG, dtks: { registered: true, desil: 1 } },
      { name: 'Rizki Amalia', sex: 'P', desaKode: KALAHIANG },
      { name: 'Rizki Amaliah', sex: 'P', desaKode: BALANG },
      { name: 'Ahmad Fauzi', desaKode: KALAHIANG },
      { name: 'Jamilah', sex: 'P', desaKode: JUAI_DESA },
      { name: 'Zainal Abidin', desaKode: JUAI_DESA },
      { name: 'Badrun', desaKode: BALANG },
    ];
    for (const [i, p] of people.entries()) await register({ birthDate: `1980-01-0${i + 1}`, ...p });
  });
  afterAll(() => t.close());

  it('finds a name despite spelling variants, best match first', async () => {
    const res = await get('/beneficiaries?q=Muhamad%20Rizky').expect(200);
    expect(names(res.body)[0]).toBe('Muhammad Rizki');
    expect(res.body.items[0].similarity).toBeGreaterThan(0.5);
    expect(names(res.body)).not.toContain('Jamilah');
  });

  it('lets the caller lower the similarity bar to find a word of a name', async () => {
    expect((await get('/beneficiaries?q=rizki').expect(200)).body.items).toEqual([]);
    const res = await get('/beneficiaries?q=rizki&minSimilarity=0.35').expect(200);
    expect(names(res.body).sort()).toEqual(['Muhammad Rizki', 'Rizki Amalia', 'Rizki Amaliah']);
    await get('/beneficiaries?q=rizki&minSimilarity=0.1').expect(400);
  });

  it('lists everyone by name, a page at a time, without repeats', async () => {
    const first = await get('/beneficiaries?limit=4').expect(200);
    expect(names(first.body)).toEqual(['Ahmad Fauzi', 'Badrun', 'Jamilah', 'Muhammad Rizki']);
    const second = await get(`/beneficiaries?limit=4&cursor=${first.body.nextCursor}`).expect(200);
    expect(names(second.body)).toEqual(['Rizki Amalia', 'Rizki Amaliah', 'Zainal Abidin']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('pages through name matches with their own cursor', async () => {
    const first = await get('/beneficiaries?q=rizki%20amalia&limit=1').expect(200);
    expect(names(first.body)).toEqual(['Rizki Amalia']);
    const second = await get(
      `/beneficiaries?q=rizki%20amalia&limit=1&cursor=${first.body.nextCursor}`,
    ).expect(200);
    expect(names(second.body)).toEqual(['Rizki Amaliah']);
    expect(second.body.nextCursor).toBeNull();
    // A cursor of the name-ordered list is refused by the similarity-ordered one.
    const byName = await get('/beneficiaries?limit=1').expect(200);
    const res = await get(`/beneficiaries?q=amalia&cursor=${byName.body.nextCursor}`).expect(400);
    expect(res.body.errors[0]).toEqual({
      field: 'cursor',
      message: 'is not a cursor of this list',
    });
  });

  it('filters by wilayah at any level', async () => {
    expect(names((await get('/beneficiaries?wilayahKode=63.11.01').expect(200)).body)).toEqual([
      'Jamilah',
      'Zainal Abidin',
    ]);
    expect(names((await get(`/beneficiaries?wilayahKode=${KALAHIANG}`).expect(200)).body)).toEqual([
      'Ahmad Fauzi',
      'Rizki Amalia',
    ]);
    expect((await get('/beneficiaries?wilayahKode=63').expect(200)).body.items).toHaveLength(7);
    expect((await get('/beneficiaries?wilayahKode=64').expect(200)).body.items).toHaveLength(0);
    await get('/beneficiaries?wilayahKode=63.1').expect(400);
  });

  it('filters by DTKS, NIK status and status', async () => {
    expect(names((await get('/beneficiaries?dtks=true').expect(200)).body)).toEqual([
      'Muhammad Rizki',
    ]);
    expect((await get('/beneficiaries?dtks=false').expect(200)).body.items).toHaveLength(6);
    expect((await get('/beneficiaries?nikStatus=NONE').expect(200)).body.items).toHaveLength(7);
    expect((await get('/beneficiaries?status=PINDAH').expect(200)).body.items).toHaveLength(0);
  });

  it('finds a person by a name with one typo', async () => {
    expect(names((await get('/beneficiaries?q=Jamlah').expect(200)).body)).toEqual(['Jamilah']);
    expect(names((await get('/beneficiaries?q=Zainal%20Abiddin').expect(200)).body)).toEqual([
      'Zainal Abidin',
    ]);
  });

  it("keeps a name search within the caller's wilayah", async () => {
    const tksk = await t.signIn(Role.Tksk, '63.11.06');
    const inKecamatan = await getAs(tksk, '/beneficiaries?q=Zainal%20Abiddin').expect(200);
    expect(inKecamatan.body.items).toEqual([]);
    const psm = await t.signIn(Role.Psm, KALAHIANG);
    const inDesa = await getAs(psm, '/beneficiaries?q=Rizki%20Amalia').expect(200);
    expect(names(inDesa.body)).toEqual(['Rizki Amalia']);
    expect(inDesa.body.items[0].nik).toBeNull();
    const pimpinan = await t.signIn(Role.Pimpinan);
    await getAs(pimpinan, '/beneficiaries?q=Rizki%20Amalia').expect(403);
  });

  it('pages through people who share a name in id order', async () => {
    const ids: string[] = [];
    for (const day of ['10', '11', '12']) {
      ids.push(await register({ name: 'Sarbini', birthDate: `1970-02-${day}`, desaKode: BALANG }));
    }
    const seen: string[] = [];
    let cursor = '';
    do {
      const page = await get(`/beneficiaries?q=Sarbiny&limit=2${cursor}`).expect(200);
      seen.push(...page.body.items.map((b: { id: string }) => b.id));
      cursor = page.body.nextCursor ? `&cursor=${page.body.nextCursor}` : '';
    } while (cursor);
    expect(seen).toEqual([...ids].sort());
  });

  it('finds a renamed person by the new name only, and a merged record no more', async () => {
    const id = await register({ name: 'Samsuri', birthDate: '1966-06-06', desaKode: KALAHIANG });
    await t.http
      .patch(`/api/v1/beneficiaries/${id}`)
      .auth(operator.token, { type: 'bearer' })
      .send({ version: 1, name: 'Syamsuri Hadi' })
      .expect(200);
    expect((await get('/beneficiaries?q=Samsuri').expect(200)).body.items).toEqual([]);
    expect(names((await get('/beneficiaries?q=Syamsuri%20Hady').expect(200)).body)).toEqual([
      'Syamsuri Hadi',
    ]);

    const copy = await register({
      name: 'Syamsuri Hadi',
      birthDate: '1966-06-07',
      desaKode: KALAHIANG,
    });
    await t.http
      .post(`/api/v1/beneficiaries/${copy}/merge`)
      .auth(operator.token, { type: 'bearer' })
      .send({ intoId: id })
      .expect(200);
    const found = await get('/beneficiaries?q=Syamsuri%20Hady').expect(200);
    expect(found.body.items.map((b: { id: string }) => b.id)).toEqual([id]);
  });

  it('refuses limits above 500 and unknown filters', async () => {
    await get('/beneficiaries?limit=501').expect(400);
    await get('/beneficiaries?nama=x').expect(400);
  });
});
