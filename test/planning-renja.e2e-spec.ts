import { join } from 'node:path';
import { Role } from '@pilar/auth';
import { currentYearIn, readCsvFile } from '@pilar/core';
import { formatIdNumber, RenjaService, SubKegiatanNotInRenja } from '@pilar/planning';
import { TestApp } from '@pilar/testing';

const SEED_DATA = join(__dirname, '..', 'libs', 'planning', 'src', 'balangan', 'seed-data');

/** Printed program pagu of Tabel T-C.33; each equals the sum of its sub-kegiatan. */
const PROGRAM_PAGU: Record<string, number> = {
  '1.06.02': 483_725_000,
  '1.06.04': 900_915_500,
  '1.06.05': 4_412_192_603,
  '1.06.06': 270_361_000,
  '1.06.07': 35_000_000,
};

const csvCell = (value: string): string =>
  /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

/**
 * The social part of the Balangan Renja 2022 as the agency's table: program and kegiatan rows
 * with their outcome indicators (programs with their printed pagu), then the sub-kegiatan rows;
 * Indonesian number formats throughout.
 */
function balanganRenjaCsv(): string {
  const outcomes = readCsvFile(join(SEED_DATA, 'renja-2022-balangan-outcomes.csv'));
  const sosial = readCsvFile(join(SEED_DATA, 'renja-2022-balangan-sosial.csv'));
  const idNumber = (text: string): string => (text ? formatIdNumber(text.replace(',', '.')) : '');
  const rows = [
    ...outcomes.map((r) => ({
      line: Number(r.sumber_baris.slice(1)),
      cells: [
        r.kode,
        r.indikator,
        r.satuan,
        'Balangan',
        r.satuan === '%' ? `${r.target_2022}%` : idNumber(r.target_2022),
        PROGRAM_PAGU[r.kode] ? `Rp ${formatIdNumber(PROGRAM_PAGU[r.kode])},00` : '',
        '',
      ],
    })),
    ...sosial.map((r) => ({
      line: Number(r.sumber_baris.slice(1)),
      cells: [
        r.sub_kegiatan_kode,
        r.indikator,
        r.satuan,
        'Balangan',
        idNumber(r.target_2022),
        r.pagu_2022 === '0' ? 'Rp -' : r.pagu_2022 ? `Rp ${formatIdNumber(r.pagu_2022)},00` : '',
        r.pagu_2022 ? 'APBD' : '',
      ],
    })),
  ].sort((a, b) => a.line - b.line);
  return [
    'Kode,Indikator,Satuan,Lokasi,Target,Pagu,Sumber Dana',
    ...rows.map((r) => r.cells.map(csvCell).join(',')),
  ].join('\n');
}

interface TreeBody {
  pagu: number;
  programs: {
    kode: string;
    pagu: number;
    kegiatan: {
      kode: string;
      pagu: number;
      subKegiatan: { subKegiatanKode: string; pagu: number }[];
    }[];
  }[];
}

describe('Renja planning (e2e)', () => {
  let t: TestApp;
  let admin: { token: string; id: string };
  let operator: { token: string };
  let pimpinan: { token: string };
  let tksk: { token: string };

  beforeAll(async () => {
    t = await TestApp.create();
    await t.startWorker();
    admin = await t.signIn(Role.Admin);
    operator = await t.signIn(Role.Operator);
    pimpinan = await t.signIn(Role.Pimpinan);
    tksk = await t.signIn(Role.Tksk, '63.11.06');
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (path: string) => t.http.get(`/api/v1${path}`).auth(token, { type: 'bearer' }),
    put: (path: string, body: object) =>
      t.http.put(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body),
    post: (path: string) => t.http.post(`/api/v1${path}`).auth(token, { type: 'bearer' }),
    upload: (path: string, csv: string) =>
      t.http
        .post(`/api/v1${path}`)
        .auth(token, { type: 'bearer' })
        .attach('file', Buffer.from(csv, 'utf8'), 'renja.csv'),
  });

  describe('the Balangan Renja 2022 entered through the CSV import', () => {
    let job: Record<string, unknown>;
    let tree: TreeBody;

    beforeAll(async () => {
      const res = await as(operator.token)
        .upload('/renja/2022/import', balanganRenjaCsv())
        .expect(202);
      job = await t.waitForJob(res.body.jobId, admin.token);
      tree = (await as(pimpinan.token).get('/renja/2022').expect(200)).body;
    });

    it('imports every row but the kegiatan indikator the document prints without satuan', () => {
      expect(job).toMatchObject({
        status: 'COMPLETED',
        counts: { inserted: 40, updated: 0, unchanged: 0, rejected: 1, paguMismatches: 0 },
        errors: [
          { row: expect.any(Number), field: 'satuan', reason: 'the indikator has no satuan' },
        ],
      });
    });

    it('totals each program exactly as Tabel T-C.33 prints it', () => {
      expect(Object.fromEntries(tree.programs.map((p) => [p.kode, p.pagu]))).toEqual(PROGRAM_PAGU);
      expect(tree.pagu).toBe(6_102_194_103);
    });

    it('makes every kegiatan the sum of its sub-kegiatan and every program the sum of its kegiatan', () => {
      const kegiatan = tree.programs.flatMap((p) => p.kegiatan);
      expect(kegiatan.map((k) => k.kode)).toEqual([
        '1.06.02.2.01',
        '1.06.02.2.02',
        '1.06.02.2.03',
        '1.06.04.2.01',
        '1.06.04.2.02',
        '1.06.05.2.02',
        '1.06.06.2.01',
        '1.06.06.2.02',
        '1.06.07.2.01',
      ]);
      for (const k of kegiatan) {
        expect(k.pagu).toBe(k.subKegiatan.reduce((sum, s) => sum + s.pagu, 0));
      }
      for (const p of tree.programs) {
        expect(p.pagu).toBe(p.kegiatan.reduce((sum, k) => sum + k.pagu, 0));
      }
      expect(kegiatan.find((k) => k.kode === '1.06.02.2.01')?.pagu).toBe(101_590_000);
      expect(kegiatan.flatMap((k) => k.subKegiatan)).toHaveLength(24);
    });

    it('stores the lines with their lokasi and sumber dana, and the targets exactly', async () => {
      const line = await as(operator.token)
        .get('/renja/2022/sub-kegiatan/1.06.05.2.02.03')
        .expect(200);
      expect(line.body).toMatchObject({
        subKegiatanKode: '1.06.05.2.02.0003',
        nama: 'Fasilitasi Bantuan Sosial Kesejahteraan Keluarga',
        pagu: 4_090_043_003,
        versi: 'MURNI',
        paguMurni: 4_090_043_003,
        paguPerubahan: null,
        lokasi: 'Balangan',
        sumberDana: 'APBD',
      });
      const [bdt] = await t.dataSource.query(
        `SELECT i.unit, t.annual::text AS annual FROM indicator i
         JOIN indicator_target t ON t.indicator_id = i.id AND t.year = 2022
         WHERE i.nomenclature_kode = '1.06.05.2.02.0002'`,
      );
      expect(bdt).toEqual({ unit: 'KK', annual: '12000' });
    });

    it('changes nothing when the same file is imported again', async () => {
      const res = await as(operator.token)
        .upload('/renja/2022/import', balanganRenjaCsv())
        .expect(202);
      expect(await t.waitForJob(res.body.jobId, admin.token)).toMatchObject({
        status: 'COMPLETED',
        counts: { inserted: 0, updated: 0, unchanged: 40, rejected: 1 },
      });
    });

    it('answers the casework check with the canonical code, or 400 SUB_KEGIATAN_NOT_IN_RENJA', async () => {
      const renja = t.get(RenjaService);
      await expect(
        renja.requireSubKegiatanInRenja(2022, '1 06 04 2 01 04', 'subKegiatanKode'),
      ).resolves.toBe('1.06.04.2.01.0004');
      const refusal = renja.requireSubKegiatanInRenja(2022, '1.06.04.2.01.0010', 'subKegiatanKode');
      await expect(refusal).rejects.toBeInstanceOf(SubKegiatanNotInRenja);
      await expect(refusal).rejects.toMatchObject({
        code: 'SUB_KEGIATAN_NOT_IN_RENJA',
        status: 400,
        extra: { errors: [{ field: 'subKegiatanKode', message: expect.stringContaining('2022') }] },
      });
    });
  });

  describe('a sub-kegiatan line, murni and perubahan', () => {
    const path = '/renja/2024/sub-kegiatan/1.06.04.2.01.04';

    it('creates with 201 in the 4-digit form, then updates with 200 keeping omitted fields', async () => {
      const created = await as(operator.token)
        .put(path, { pagu: 402_000_000, lokasi: 'Paringin', sumberDana: 'APBD' })
        .expect(201);
      expect(created.body).toMatchObject({
        subKegiatanKode: '1.06.04.2.01.0004',
        pagu: 402_000_000,
        lokasi: 'Paringin',
      });
      const updated = await as(operator.token).put(path, { pagu: 410_000_000 }).expect(200);
      expect(updated.body).toMatchObject({
        pagu: 410_000_000,
        lokasi: 'Paringin',
        sumberDana: 'APBD',
      });
    });

    it('keeps both versions and reads the latest unless MURNI is asked for', async () => {
      await as(operator.token).put(path, { pagu: 395_000_000, versi: 'PERUBAHAN' }).expect(200);
      const latest = await as(pimpinan.token).get('/renja/2024').expect(200);
      expect(latest.body).toMatchObject({ versi: 'LATEST', pagu: 395_000_000 });
      expect(latest.body.programs[0].kegiatan[0].subKegiatan[0]).toMatchObject({
        pagu: 395_000_000,
        versi: 'PERUBAHAN',
        paguMurni: 410_000_000,
        paguPerubahan: 395_000_000,
      });
      const murni = await as(pimpinan.token).get('/renja/2024?versi=MURNI').expect(200);
      expect(murni.body).toMatchObject({ versi: 'MURNI', pagu: 410_000_000 });
    });

    it('audits every change with before and after', async () => {
      const entries = await t.dataSource.query(
        `SELECT action, changes FROM audit_entry
         WHERE entity = 'renja_sub_kegiatan' AND entity_id = '2024/1.06.04.2.01.0004' ORDER BY id`,
      );
      expect(entries.map((e: { action: string }) => e.action)).toEqual([
        'renja.sub-kegiatan.create',
        'renja.sub-kegiatan.update',
        'renja.sub-kegiatan.update',
      ]);
      expect(entries[1].changes).toEqual({
        paguMurni: { before: '402000000', after: '410000000' },
      });
      expect(entries[2].changes).toEqual({ paguPerubahan: { before: null, after: '395000000' } });
    });

    it('refuses a negative pagu, unknown codes and funding sources, saving nothing', async () => {
      const negative = await as(operator.token)
        .put('/renja/2024/sub-kegiatan/1.06.04.2.01.0001', { pagu: -1 })
        .expect(400);
      expect(negative.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'pagu' }],
      });
      const unknown = await as(operator.token)
        .put('/renja/2024/sub-kegiatan/1.06.04.2.01.0099', { pagu: 1, sumberDana: 'KAS' })
        .expect(400);
      expect(unknown.body.errors.map((e: { field: string }) => e.field)).toEqual(['sumberDana']);
      const notInNomenclature = await as(operator.token)
        .put('/renja/2024/sub-kegiatan/1.06.04.2.01.0099', { pagu: 1 })
        .expect(400);
      expect(notInNomenclature.body.errors).toEqual([
        { field: 'kode', message: 'sub-kegiatan 1.06.04.2.01.0099 is not in the nomenclature' },
      ]);
      await as(operator.token)
        .put('/renja/2024/sub-kegiatan/1.06.04.2.01', { pagu: 1 })
        .expect(400);
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM renja_sub_kegiatan WHERE year = 2024`,
      );
      expect(n).toBe(1);
    });

    it('answers 404 RENJA_NOT_FOUND for a year without a plan', async () => {
      const res = await as(pimpinan.token).get('/renja/2030').expect(404);
      expect(res.body.code).toBe('RENJA_NOT_FOUND');
    });
  });

  describe('copying a Renja to the next year', () => {
    it('copies every line with its latest pagu as the new MURNI, and the targets', async () => {
      const res = await as(operator.token).post('/renja/2023/copy-from/2022').expect(201);
      expect(res.body).toEqual({ year: 2023, copiedFrom: 2022, subKegiatan: 24, targets: 39 });
      const tree = await as(pimpinan.token).get('/renja/2023').expect(200);
      expect(tree.body.pagu).toBe(6_102_194_103);
      const copied = await as(operator.token).post('/renja/2025/copy-from/2024').expect(201);
      expect(copied.body).toMatchObject({ subKegiatan: 1 });
      const line = await as(operator.token)
        .get('/renja/2025/sub-kegiatan/1.06.04.2.01.0004')
        .expect(200);
      expect(line.body).toMatchObject({
        paguMurni: 395_000_000,
        paguPerubahan: null,
        lokasi: 'Paringin',
      });
    });

    it('refuses to copy over an existing Renja, from an empty year, or from a later year', async () => {
      const again = await as(operator.token).post('/renja/2023/copy-from/2022').expect(409);
      expect(again.body.code).toBe('RENJA_ALREADY_EXISTS');
      const empty = await as(operator.token).post('/renja/2029/copy-from/2028').expect(404);
      expect(empty.body.code).toBe('RENJA_NOT_FOUND');
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM renja_sub_kegiatan WHERE year = 2029`,
      );
      expect(n).toBe(0);
      await as(operator.token).post('/renja/2022/copy-from/2023').expect(400);
    });
  });

  describe('an import with bad rows', () => {
    it('rejects only the bad rows and reports a printed kegiatan pagu that is not the sum', async () => {
      const csv = [
        'kode;indikator;satuan;target;pagu;sumber_dana',
        '1.06.06.2.01;Jumlah Korban bencana yang mendapatkan bantuan;KK;500;Rp 999.000.000;',
        '1.06.06.2.01.0001;Jumlah korban bencana yang mendapatkan pemenuhan kebutuhan dasar;KK;500;170.361.000;BTT',
        '1.06.06.2.01.0002;;;;-5.000;APBD',
        '1.06.99.2.01.0001;Indikator;Orang;1;1.000;APBD',
        // Decimal commas are quoted: the CSV reader takes both , and ; as separators.
        '1.06.06.2.01.0003;Jumlah pengungsi;Jiwa;"1,5";"Rp 10.000.000,50";APBD',
        ';Jumlah korban dengan sandang;KK;abc;;',
        '1.06.07;Persentase makam yang dirawat masyarakat;%;100%;;',
      ].join('\n');
      const res = await as(admin.token).upload('/renja/2021/import?versi=MURNI', csv).expect(202);
      const done = await t.waitForJob(res.body.jobId, admin.token);
      expect(done).toMatchObject({
        status: 'COMPLETED',
        counts: { inserted: 2, rejected: 5, paguMismatches: 1 },
        errors: [
          {
            row: 2,
            field: 'pagu',
            reason: expect.stringContaining('170.361.000; the file says 999.000.000'),
          },
          { row: 4, field: 'pagu', reason: 'must not be negative' },
          { row: 5, field: 'kode', reason: expect.stringContaining('not in the nomenclature') },
          { row: 6, field: 'pagu', reason: expect.stringContaining('has sen') },
          { row: 7, field: 'target', reason: expect.stringContaining('"abc" is not a number') },
          { row: 8, field: null, reason: expect.stringContaining('no line for 1.06.07') },
        ],
      });
      // The program row's indicator was created before its target failed: rolled back with it.
      const orphans = await t.dataSource.query(
        `SELECT 1 FROM indicator WHERE name = 'Persentase makam yang dirawat masyarakat'`,
      );
      expect(orphans).toEqual([]);
      const tree = await as(admin.token).get('/renja/2021').expect(200);
      expect(tree.body.pagu).toBe(170_361_000);
    });

    it('fails the job with the reason when the header lacks pagu', async () => {
      const res = await as(admin.token)
        .upload('/renja/2021/import', 'kode;indikator\n1.06.06;x')
        .expect(202);
      expect(await t.waitForJob(res.body.jobId, admin.token)).toMatchObject({
        status: 'FAILED',
        error: 'The header lacks the column(s): pagu.',
      });
    });
  });

  describe('roles', () => {
    it('lets PIMPINAN read the plan but not change it', async () => {
      await as(pimpinan.token).get('/renja/2022').expect(200);
      const res = await as(pimpinan.token).put('/renja/2022/sub-kegiatan/1.06.04.2.01.0001', {
        pagu: 1,
      });
      expect(res.status).toBe(403);
      await as(pimpinan.token).post('/renja/2027/copy-from/2022').expect(403);
    });

    it("lets a TKSK read only the current year's sub-kegiatan, without pagu", async () => {
      const year = currentYearIn('Asia/Makassar');
      await as(admin.token)
        .put(`/renja/${year}/sub-kegiatan/1.06.04.2.01.0004`, { pagu: 5 })
        .expect(201);
      const list = await as(tksk.token).get(`/renja/${year}/sub-kegiatan`).expect(200);
      expect(list.body).toEqual([
        {
          kode: '1.06.04.2.01.0004',
          nama: 'Pemberian Pelayanan Reunifikasi Keluarga',
          kegiatanKode: '1.06.04.2.01',
          programKode: '1.06.04',
        },
      ]);
      const other = await as(tksk.token).get('/renja/2022/sub-kegiatan').expect(403);
      expect(other.body.code).toBe('RENJA_YEAR_FORBIDDEN');
      await as(tksk.token).get(`/renja/${year}`).expect(403);
      await as(tksk.token).get(`/renja/${year}/sub-kegiatan/1.06.04.2.01.0004`).expect(403);
      await as(tksk.token).upload(`/renja/${year}/import`, 'kode,pagu\n').expect(403);
      const staff = await as(pimpinan.token).get('/renja/2022/sub-kegiatan').expect(200);
      expect(staff.body).toHaveLength(24);
    });
  });
});
