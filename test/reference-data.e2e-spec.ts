import { Role } from '@pilar/auth';
import { TestApp } from '@pilar/testing';

describe('Reference data (e2e)', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await TestApp.create();
    token = (await t.signIn(Role.Psm, '63.11.06.2005')).token;
  });
  afterAll(() => t.close());

  it('lists the 8 kecamatan of Balangan', async () => {
    const res = await t.http
      .get('/api/v1/wilayah?indukKode=63.11')
      .auth(token, { type: 'bearer' })
      .expect(200);
    expect(res.body.map((w: { nama: string }) => w.nama)).toEqual([
      'Juai',
      'Halong',
      'Awayan',
      'Batu Mandi',
      'Lampihong',
      'Paringin',
      'Paringin Selatan',
      'Tebing Tinggi',
    ]);
  });

  it('knows Paringin and the levels of the tree', async () => {
    const res = await t.http
      .get('/api/v1/wilayah/63.11.06')
      .auth(token, { type: 'bearer' })
      .expect(200);
    expect(res.body).toEqual({
      kode: '63.11.06',
      nama: 'Paringin',
      tingkat: 'KECAMATAN',
      indukKode: '63.11',
    });
    await t.http.get('/api/v1/wilayah/63.99.99').auth(token, { type: 'bearer' }).expect(404);
  });

  it('holds the whole Kemendagri tree', async () => {
    const [counts] = await t.dataSource.query(`SELECT
      count(*) FILTER (WHERE tingkat = 'PROVINSI')::int AS provinsi,
      count(*) FILTER (WHERE tingkat = 'KABUPATEN')::int AS kabupaten,
      count(*) FILTER (WHERE tingkat = 'KECAMATAN')::int AS kecamatan,
      count(*) FILTER (WHERE tingkat = 'DESA')::int AS desa FROM wilayah`);
    // idn-area-data 4.x (Kepmendagri 2025) has 7,285 kecamatan and 83,762 desa; the domain README's 7,277/83,763 are older.
    expect(counts).toEqual({ provinsi: 38, kabupaten: 514, kecamatan: 7285, desa: 83762 });
  });

  it('lists the 26 PPKS types and the service types', async () => {
    const ppks = await t.http.get('/api/v1/ppks-types').auth(token, { type: 'bearer' }).expect(200);
    expect(ppks.body).toHaveLength(26);
    expect(ppks.body[7]).toEqual({
      kode: 'LANJUT_USIA_TERLANTAR',
      nomor: 8,
      nama: 'Lanjut Usia Terlantar',
      satuan: 'JIWA',
      spm: 'C',
    });
    const services = await t.http
      .get('/api/v1/service-types')
      .auth(token, { type: 'bearer' })
      .expect(200);
    const kodes = services.body.map((s: { kode: string }) => s.kode);
    expect(kodes).toEqual(
      expect.arrayContaining([
        'BANTUAN_SOSIAL',
        'PERMAKANAN',
        'ALAT_BANTU',
        'REUNIFIKASI',
        'KUNJUNGAN',
        'BIMBINGAN_SOSIAL',
        'TANGGAP_DARURAT',
        'RUJUKAN',
      ]),
    );
  });

  it('serves the social nomenclature as a tree', async () => {
    const res = await t.http
      .get('/api/v1/nomenclature?kode=1.06.04')
      .auth(token, { type: 'bearer' })
      .expect(200);
    const [program] = res.body;
    expect(program).toMatchObject({
      kode: '1.06.04',
      tingkat: 'PROGRAM',
      nama: 'PROGRAM REHABILITASI SOSIAL',
    });
    const kegiatan = program.children.find((k: { kode: string }) => k.kode === '1.06.04.2.01');
    expect(kegiatan.children.map((s: { kode: string }) => s.kode)).toContain('1.06.04.2.01.0004');
  });
});
