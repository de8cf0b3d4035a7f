import { Role } from '@pilar/auth';
import { SignedInUser, TestApp } from '@pilar/testing';

/** Balang and Kalahiang are desa of Paringin (63.11.06); Juai (63.11.01) is another kecamatan. */
const BALANG = '63.11.06.2005';
const KALAHIANG = '63.11.06.2006';
const JUAI_DESA = '63.11.01.2003';

describe('Beneficiary registry (e2e)', () => {
  let t: TestApp;
  let operator: SignedInUser;
  let tkskParingin: SignedInUser;

  beforeAll(async () => {
    t = await TestApp.create();
    operator = await t.signIn(Role.Operator);
    tkskParingin = await t.signIn(Role.Tksk, '63.11.06');
  });
  afterAll(() => t.close());

  const post = (user: SignedInUser, path: string, body: object) =>
    t.http.post(`/api/v1${path}`).auth(user.token, { type: 'bearer' }).send(body);
  const get = (user: SignedInUser, path: string) =>
    t.http.get(`/api/v1${path}`).auth(user.token, { type: 'bearer' });
  const patch = (user: SignedInUser, path: string, body: object) =>
    t.http.patch(`/api/v1${path}`).auth(user.token, { type: 'bearer' }).send(body);

  const person = (overrides: object = {}) => ({
    name: 'Abdul Hamid',
    sex: 'L',
    birthDate: '1947-08-17',
    desaKode: BALANG,
    ...overrides,
  });
  const auditCount = async (action: string, entityId: string): Promise<number> => {
    const [{ n }] = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM audit_entry WHERE action = $1 AND entity_id = $2',
      [action, entityId],
    );
    return n;
  };

  describe('registration', () => {
    it('registers a person with a valid NIK and PPKS, and audits it', async () => {
      const res = await post(operator, '/beneficiaries', {
        ...person({ nik: '6311061708470001', birthPlace: 'Paringin', alamat: 'RT 02' }),
        ppks: [{ kode: 'LANJUT_USIA_TERLANTAR', since: '2026-01-01', source: 'TKSK_REPORT' }],
      }).expect(201);
      expect(res.body).toMatchObject({
        nik: '6311061708470001',
        nikStatus: 'VALID',
        name: 'Abdul Hamid',
        kecamatanKode: '63.11.06',
        status: 'AKTIF',
        version: 1,
        householdId: null,
      });
      expect(res.body.ppks).toEqual([
        expect.objectContaining({
          kode: 'LANJUT_USIA_TERLANTAR',
          level: 'PERSON',
          since: '2026-01-01',
          until: null,
          source: 'TKSK_REPORT',
          verification: 'PROPOSED',
        }),
      ]);
      const [entry] = await t.dataSource.query(
        "SELECT changes, actor_id FROM audit_entry WHERE action = 'beneficiary.create' AND entity_id = $1",
        [res.body.id],
      );
      expect(entry.actor_id).toBe(operator.id);
      expect(entry.changes.nik).toEqual({ before: null, after: '6311061708470001' });
    });

    it.each([
      ['631106170847001', 'must be 16 digits; it has 15'],
      [
        '6311063508470001',
        "digits 7–8 (day of birth) are 35: neither a day (01–31) nor a woman's day (41–71)",
      ],
      ['6311061713470001', 'digits 9–10 (month of birth) are 13, not a month'],
      ['6311061708470000', 'digits 13–16 (serial number) are 0000, which is never issued'],
      ['6399991708470001', 'the kecamatan 63.99.99 in digits 1–6 does not exist'],
    ])('refuses the NIK %p: %s', async (nik, message) => {
      const res = await post(operator, '/beneficiaries', person({ nik })).expect(400);
      expect(res.body.errors).toContainEqual({ field: 'nik', message });
    });

    it('names both dates when the NIK disagrees with birthDate', async () => {
      const res = await post(
        operator,
        '/beneficiaries',
        person({ nik: '6311061708470003', birthDate: '1948-08-17' }),
      ).expect(400);
      expect(res.body.errors).toEqual([
        {
          field: 'nik',
          message: 'the birth date in the NIK is 17-08-1947 but birthDate is 1948-08-17',
        },
      ]);
    });

    it("refuses a woman's NIK for a man", async () => {
      const res = await post(
        operator,
        '/beneficiaries',
        person({ nik: '6311065708470004' }),
      ).expect(400);
      expect(res.body.errors).toEqual([
        { field: 'nik', message: "the NIK is a woman's (day 57 = 17 + 40) but sex is L" },
      ]);
    });

    it('checks the KK number and every other field at once', async () => {
      const res = await post(operator, '/beneficiaries', {
        ...person({ noKk: '6399992001090001', birthDate: '2030-01-01' }),
        ppks: [{ kode: 'BUKAN_PPKS', since: '2026-01-01' }],
      }).expect(400);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'noKk', message: 'the kecamatan 63.99.99 in digits 1–6 does not exist' },
          { field: 'birthDate', message: '2030-01-01 is in the future' },
          { field: 'ppks[0].kode', message: 'BUKAN_PPKS is not a PPKS type' },
        ]),
      );
    });

    it('answers 409 with the existing id to whoever may see it, and without it otherwise', async () => {
      const first = await post(
        operator,
        '/beneficiaries',
        person({ nik: '6311065708850002', name: 'Siti Aminah', sex: 'P', birthDate: '1985-08-17' }),
      ).expect(201);
      const again = await post(
        tkskParingin,
        '/beneficiaries',
        person({ nik: '6311065708850002', name: 'Siti Aminah', sex: 'P', birthDate: '1985-08-17' }),
      ).expect(409);
      expect(again.body).toMatchObject({
        code: 'NIK_ALREADY_REGISTERED',
        existingId: first.body.id,
      });
      const tkskJuai = await t.signIn(Role.Tksk, '63.11.01');
      const hidden = await post(
        tkskJuai,
        '/beneficiaries',
        person({
          nik: '6311065708850002',
          name: 'Siti Aminah',
          sex: 'P',
          birthDate: '1985-08-17',
          desaKode: JUAI_DESA,
        }),
      ).expect(409);
      expect(hidden.body.code).toBe('NIK_ALREADY_REGISTERED');
      expect(hidden.body).not.toHaveProperty('existingId');
    });
  });

  describe('people without NIK', () => {
    let id: string;

    it('registers them flagged nikStatus NONE', async () => {
      const res = await post(
        tkskParingin,
        '/beneficiaries',
        person({ name: 'Inaq  Sarah ', sex: 'P', birthDate: '1950-03-01', desaKode: KALAHIANG }),
      ).expect(201);
      expect(res.body).toMatchObject({ nik: null, nikStatus: 'NONE', name: 'Inaq Sarah' });
      id = res.body.id;
    });

    it('refuses the same name, birth date and desa a second time', async () => {
      const res = await post(
        tkskParingin,
        '/beneficiaries',
        person({ name: 'inaq sarah', sex: 'P', birthDate: '1950-03-01', desaKode: KALAHIANG }),
      ).expect(409);
      expect(res.body).toMatchObject({ code: 'BENEFICIARY_ALREADY_REGISTERED', existingId: id });
    });

    it('takes a NIK later, validated and de-duplicated like any other', async () => {
      const wrong = await patch(tkskParingin, `/beneficiaries/${id}`, {
        version: 1,
        nik: '6311060103500001',
      }).expect(400);
      expect(wrong.body.errors[0].message).toBe(
        "the NIK is a man's (day 01; a woman's has 40 added) but sex is P",
      );
      await post(
        operator,
        '/beneficiaries',
        person({ nik: '6311064103500002', name: 'Arbainah', sex: 'P', birthDate: '1950-03-01' }),
      ).expect(201);
      const taken = await patch(tkskParingin, `/beneficiaries/${id}`, {
        version: 1,
        nik: '6311064103500002',
      }).expect(409);
      expect(taken.body.code).toBe('NIK_ALREADY_REGISTERED');
      const ok = await patch(tkskParingin, `/beneficiaries/${id}`, {
        version: 1,
        nik: '6311064103500001',
      }).expect(200);
      expect(ok.body).toMatchObject({ nik: '6311064103500001', nikStatus: 'VALID', version: 2 });
    });

    it('refuses a stale version with 409', async () => {
      const res = await patch(tkskParingin, `/beneficiaries/${id}`, {
        version: 1,
        alamat: 'RT 05',
      }).expect(409);
      expect(res.body).toMatchObject({ code: 'STALE_VERSION', currentVersion: 2 });
    });

    it('records a death with its date, and only then', async () => {
      const missing = await patch(tkskParingin, `/beneficiaries/${id}`, {
        version: 2,
        status: 'MENINGGAL',
      }).expect(400);
      expect(missing.body.errors[0].field).toBe('diedOn');
      const res = await patch(tkskParingin, `/beneficiaries/${id}`, {
        version: 2,
        status: 'MENINGGAL',
        diedOn: '2026-11-01',
      }).expect(200);
      expect(res.body).toMatchObject({ status: 'MENINGGAL', diedOn: '2026-11-01', version: 3 });
      const [entry] = await t.dataSource.query(
        "SELECT changes FROM audit_entry WHERE action = 'beneficiary.update' AND entity_id = $1 ORDER BY id DESC LIMIT 1",
        [id],
      );
      expect(entry.changes).toEqual({
        status: { before: 'AKTIF', after: 'MENINGGAL' },
        diedOn: { before: null, after: '2026-11-01' },
      });
    });
  });

  describe('masking and the audited full NIK', () => {
    it('masks NIK and KK in lists and shows them in full, audited, on the detail', async () => {
      const created = await post(
        operator,
        '/beneficiaries',
        person({
          nik: '6311060101600001',
          name: 'Masri Bahrun',
          birthDate: '1960-01-01',
          noKk: '6311062001090002',
          relationship: 'KEPALA_KELUARGA',
          dtks: { registered: true, desil: 1 },
        }),
      ).expect(201);
      expect(created.body.noKk).toBe('6311********0002');
      expect(created.body.dtks).toMatchObject({ registered: true, desil: 1 });

      const list = await get(operator, '/beneficiaries?nik=6311060101600001').expect(200);
      expect(list.body.items).toEqual([
        expect.objectContaining({
          id: created.body.id,
          nik: '6311********0001',
          noKk: '6311********0002',
        }),
      ]);
      expect(JSON.stringify(list.body)).not.toContain('6311060101600001');

      expect(await auditCount('beneficiary.nik.read', created.body.id)).toBe(0);
      const detail = await get(operator, `/beneficiaries/${created.body.id}`).expect(200);
      expect(detail.body.nik).toBe('6311060101600001');
      await get(operator, `/beneficiaries/${created.body.id}`).expect(200);
      expect(await auditCount('beneficiary.nik.read', created.body.id)).toBe(2);

      const household = await get(operator, `/households/${created.body.householdId}`).expect(200);
      expect(household.body).toMatchObject({
        noKk: '6311062001090002',
        dtks: { registered: true, desil: 1 },
      });
      expect(household.body.members).toEqual([
        expect.objectContaining({ id: created.body.id, nik: '6311********0001' }),
      ]);
      expect(await auditCount('household.no-kk.read', created.body.householdId)).toBe(1);
      const households = await get(operator, '/households?noKk=6311062001090002').expect(200);
      expect(households.body.items).toEqual([
        expect.objectContaining({ noKk: '6311********0002', memberCount: 1 }),
      ]);
    });

    it('puts a second person with the same KK number in the same household', async () => {
      const wife = await post(
        operator,
        '/beneficiaries',
        person({
          nik: '6311064101650001',
          name: 'Salmah',
          sex: 'P',
          birthDate: '1965-01-01',
          noKk: '6311062001090002',
          relationship: 'ISTRI',
        }),
      ).expect(201);
      const [head] = (await get(operator, '/beneficiaries?noKk=6311062001090002').expect(200)).body
        .items;
      expect(wife.body.householdId).toBe(head.householdId);
    });
  });

  describe('wilayah scope', () => {
    let juaiPerson: string;

    beforeAll(async () => {
      juaiPerson = (
        await post(
          operator,
          '/beneficiaries',
          person({ name: 'Jumadi', birthDate: '1970-02-02', desaKode: JUAI_DESA }),
        ).expect(201)
      ).body.id;
    });

    it('answers 404 to a TKSK of Paringin for a person in Juai', async () => {
      const res = await get(tkskParingin, `/beneficiaries/${juaiPerson}`).expect(404);
      expect(res.body.code).toBe('BENEFICIARY_NOT_FOUND');
      await patch(tkskParingin, `/beneficiaries/${juaiPerson}`, { version: 1, alamat: 'x' }).expect(
        404,
      );
      await get(tkskParingin, `/beneficiaries/${juaiPerson}/history`).expect(404);
      const list = await get(tkskParingin, '/beneficiaries?q=Jumadi').expect(200);
      expect(list.body.items).toEqual([]);
    });

    it('does not let a TKSK of Paringin register someone in Juai', async () => {
      const res = await post(
        tkskParingin,
        '/beneficiaries',
        person({ name: 'Orang Juai', desaKode: JUAI_DESA }),
      ).expect(403);
      expect(res.body.code).toBe('OUTSIDE_WILAYAH');
    });

    it('does not let a TKSK move someone out of their kecamatan', async () => {
      const created = await post(
        tkskParingin,
        '/beneficiaries',
        person({ name: 'Pindahan', birthDate: '1980-04-04' }),
      ).expect(201);
      await patch(tkskParingin, `/beneficiaries/${created.body.id}`, {
        version: 1,
        desaKode: JUAI_DESA,
      }).expect(403);
    });

    it('shows a PSM their desa only', async () => {
      const psm = await t.signIn(Role.Psm, KALAHIANG);
      const list = await get(psm, '/beneficiaries?limit=500').expect(200);
      expect(list.body.items.length).toBeGreaterThan(0);
      expect(list.body.items.every((b: { desaKode: string }) => b.desaKode === KALAHIANG)).toBe(
        true,
      );
    });

    it('shows PIMPINAN no personal data', async () => {
      const pimpinan = await t.signIn(Role.Pimpinan);
      await get(pimpinan, '/beneficiaries').expect(403);
      await get(pimpinan, `/beneficiaries/${juaiPerson}`).expect(403);
    });
  });

  describe('households', () => {
    it('registers a family before its KK exists, then gives it one, with optimistic locking', async () => {
      const created = await post(tkskParingin, '/households', {
        desaKode: BALANG,
        alamat: 'Pondok kebun',
        dtks: { registered: true, dtksId: 'DTKS-77', desil: 2 },
      }).expect(201);
      expect(created.body).toMatchObject({
        noKk: null,
        dtks: { registered: true, dtksId: 'DTKS-77', desil: 2 },
        version: 1,
      });
      const id = created.body.id as string;
      const bad = await patch(tkskParingin, `/households/${id}`, {
        version: 1,
        noKk: '6399990101100001',
      }).expect(400);
      expect(bad.body.errors[0]).toEqual({
        field: 'noKk',
        message: 'the kecamatan 63.99.99 in digits 1–6 does not exist',
      });
      const updated = await patch(tkskParingin, `/households/${id}`, {
        version: 1,
        noKk: '6311060303110005',
        dtks: { registered: true, desil: 1 },
      }).expect(200);
      expect(updated.body).toMatchObject({
        noKk: '6311********0005',
        dtks: { dtksId: 'DTKS-77', desil: 1 },
        version: 2,
      });
      const stale = await patch(tkskParingin, `/households/${id}`, {
        version: 1,
        alamat: 'x',
      }).expect(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      const taken = await post(operator, '/households', {
        desaKode: KALAHIANG,
        noKk: '6311060303110005',
      }).expect(409);
      expect(taken.body).toMatchObject({ code: 'NO_KK_ALREADY_REGISTERED', existingId: id });
    });

    it("answers 404 for a household outside the caller's wilayah", async () => {
      const juai = await post(operator, '/households', { desaKode: JUAI_DESA }).expect(201);
      const res = await get(tkskParingin, `/households/${juai.body.id}`).expect(404);
      expect(res.body.code).toBe('HOUSEHOLD_NOT_FOUND');
      await post(tkskParingin, '/beneficiaries', {
        ...person({ name: 'Ikut Juai', birthDate: '1990-09-09' }),
        householdId: juai.body.id,
      }).expect(404);
      const list = await get(tkskParingin, '/households?wilayahKode=63.11.01').expect(200);
      expect(list.body.items).toEqual([]);
    });
  });
});
