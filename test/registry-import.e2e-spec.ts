import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '@pilar/auth';
import { SignedInUser, TestApp } from '@pilar/testing';

const HEADER =
  'nik,no_kk,nama,jenis_kelamin,tanggal_lahir,tempat_lahir,desa_kode,alamat,hubungan_keluarga,ppks,id_dtks,desil';

/** Lines 2–16: six good people, nine bad or repeated rows (comments say why). */
const ROWS = [
  /* 2 */ '6311061708470001,6311062001090002,Abdul Hamid,L,1947-08-17,Paringin,63.11.06.2005,RT 02,KEPALA_KELUARGA,LANJUT_USIA_TERLANTAR|FAKIR_MISKIN,DTKS-001,1',
  /* 3 */ '6311064101650001,6311062001090002,Salmah,P,01-01-1965,Paringin,63.11.06.2005,RT 02,ISTRI,,DTKS-001,1',
  /* 4 */ ',6311062001090002,Anak Tanpa NIK,L,2015-05-05,,63.11.06.2005,RT 02,ANAK,,DTKS-001,1',
  /* 5 NIK date */ '6311061708480002,,Salah Tanggal,L,1947-08-17,,63.11.06.2006,,,,,',
  /* 6 desa */ ',,Desa Hilang,L,1960-01-01,,63.11.06.9999,,,,,',
  /* 7 kabupaten */ ',,Luar Kabupaten,L,1960-01-01,,63.10.01.2001,,,,,',
  /* 8 two errors */ ',,Dua Salah,X,1960-13-01,,63.11.06.2006,,,,,',
  /* 9 PPKS */ ',,Ppks Salah,L,1960-02-02,,63.11.06.2006,,,BUKAN_PPKS,,',
  /* 10 KK type */ ',,Miskin Sendiri,L,1960-03-03,,63.11.06.2006,,,FAKIR_MISKIN,,',
  /* 11 repeat */ '6311061708470001,6311062001090002,Abdul Hamid,L,1947-08-17,Paringin,63.11.06.2005,RT 02,KEPALA_KELUARGA,,DTKS-001,1',
  /* 12 */ '6311010202700001,,Jumadi,L,1970-02-02,,63.11.01.2003,,,,,',
  /* 13 kecamatan */ '6399990303700001,,Kecamatan Hilang,L,1970-03-03,,63.11.01.2003,,,,,',
  /* 14 repeat */ ',6311062001090002,anak tanpa nik,L,2015-05-05,,63.11.06.2005,,ANAK,,DTKS-001,1',
  /* 15 */ ',,Kepala Adat,L,1955-05-05,,63.11.01.2003,Dusun Hulu,KEPALA_KELUARGA,KOMUNITAS_ADAT_TERPENCIL,KAT-01,',
  /* 16 */ ',,Istri Adat,P,1958-08-08,,63.11.01.2003,Dusun Hulu,ISTRI,,KAT-01,',
];

const csv = (rows: string[]): Buffer => Buffer.from([HEADER, ...rows].join('\n') + '\n');

describe('Beneficiary import (e2e)', () => {
  let t: TestApp;
  let operator: SignedInUser;

  beforeAll(async () => {
    t = await TestApp.create();
    operator = await t.signIn(Role.Operator);
    await t.startWorker();
  });
  afterAll(() => t.close());

  const upload = async (file: Buffer, user = operator): Promise<string> => {
    const res = await t.http
      .post('/api/v1/imports/beneficiaries')
      .auth(user.token, { type: 'bearer' })
      .attach('file', file, 'dtks-balangan.csv')
      .expect(202);
    return res.body.jobId as string;
  };
  const importFile = async (file: Buffer) =>
    t.waitForJob(await upload(file), operator.token) as Promise<{
      status: string;
      counts: Record<string, number>;
      error: string | null;
      errorReportUrl?: string;
    }>;
  const count = async (sql: string): Promise<number> =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${sql}`))[0].n;

  it('imports the good rows and reports each bad or repeated one with its line', async () => {
    const job = await importFile(csv(ROWS));
    expect(job.status).toBe('COMPLETED');
    expect(job.counts).toEqual({
      inserted: 6,
      updated: 0,
      unchanged: 0,
      rejected: 9,
      householdsInserted: 2,
      householdsUpdated: 0,
      ppksAdded: 3,
    });
    const report = await t.http
      .get(job.errorReportUrl as string)
      .auth(operator.token, { type: 'bearer' })
      .expect(200);
    expect(report.text.trim().split('\n')).toEqual([
      'row,field,reason',
      '5,nik,the birth date in the NIK is 17-08-1948 but birthDate is 1947-08-17',
      '6,desa_kode,desa 63.11.06.9999 does not exist',
      "7,desa_kode,63.10.01.2001 is outside the agency's kabupaten 63.11",
      '8,jenis_kelamin,"""X"" is not L or P"',
      '8,tanggal_lahir,"""1960-13-01"" is not a date (YYYY-MM-DD or DD-MM-YYYY)"',
      '9,ppks,BUKAN_PPKS is not a PPKS type',
      '10,ppks,FAKIR_MISKIN is counted per family (KK): give the row a no_kk or id_dtks',
      '11,nik,the same person is on line 2; this row was skipped',
      '13,nik,the kecamatan 63.99.99 in digits 1–6 does not exist',
      '14,nama,the same person is on line 4; this row was skipped',
    ]);
  });

  it('builds the households, their DTKS data and family-level PPKS', async () => {
    const [family] = await t.dataSource.query(
      `SELECT h.id, h.desa_kode, h.alamat, h.dtks_registered, h.dtks_id, h.desil,
              (SELECT count(*)::int FROM beneficiary b WHERE b.household_id = h.id) AS members,
              (SELECT array_agg(c.ppks_kode) FROM ppks_classification c WHERE c.household_id = h.id) AS ppks
       FROM household h WHERE h.no_kk = '6311062001090002'`,
    );
    expect(family).toMatchObject({
      desa_kode: '63.11.06.2005',
      alamat: 'RT 02',
      dtks_registered: true,
      dtks_id: 'DTKS-001',
      desil: 1,
      members: 3,
      ppks: ['FAKIR_MISKIN'],
    });
    const [kat] = await t.dataSource.query(
      `SELECT h.no_kk, (SELECT count(*)::int FROM beneficiary b WHERE b.household_id = h.id) AS members
       FROM household h WHERE h.dtks_id = 'KAT-01'`,
    );
    expect(kat).toEqual({ no_kk: null, members: 2 });
    const [abdul] = await t.dataSource.query(
      `SELECT c.ppks_kode, c.source, c.verification FROM ppks_classification c
       JOIN beneficiary b ON b.id = c.beneficiary_id WHERE b.nik = '6311061708470001'`,
    );
    expect(abdul).toEqual({
      ppks_kode: 'LANJUT_USIA_TERLANTAR',
      source: 'DTKS',
      verification: 'PROPOSED',
    });
  });

  it('makes the imported people findable by a misspelled name', async () => {
    const res = await t.http
      .get('/api/v1/beneficiaries?q=Abdul%20Hamit')
      .auth(operator.token, { type: 'bearer' })
      .expect(200);
    expect(res.body.items.map((b: { name: string }) => b.name)).toEqual(['Abdul Hamid']);
  });

  it('gives the records it creates time-ordered ids (UUIDv7) that the API serves', async () => {
    const ids: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM beneficiary UNION ALL SELECT id FROM household
       UNION ALL SELECT id FROM ppks_classification`,
    );
    expect(ids).toHaveLength(6 + 2 + 3);
    for (const { id } of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab]/);
    const [person] = await t.dataSource.query(
      `SELECT id FROM beneficiary WHERE nik = '6311061708470001'`,
    );
    const res = await t.http
      .get(`/api/v1/beneficiaries/${person.id}`)
      .auth(operator.token, { type: 'bearer' })
      .expect(200);
    expect(res.body.name).toBe('Abdul Hamid');
  });

  it('audits every record it wrote, as the uploader', async () => {
    expect(
      await count(
        `audit_entry WHERE action = 'beneficiary.create' AND actor_id = '${operator.id}' AND actor_role = 'OPERATOR'`,
      ),
    ).toBe(6);
    expect(await count(`audit_entry WHERE action = 'household.create'`)).toBe(2);
    expect(await count(`audit_entry WHERE action = 'ppks-classification.create'`)).toBe(3);
    const [entry] = await t.dataSource.query(
      `SELECT a.changes, b.household_id FROM audit_entry a JOIN beneficiary b ON a.entity_id = b.id::text
       WHERE a.action = 'beneficiary.create' AND b.nik = '6311064101650001'`,
    );
    // As diffFields(null, person) writes it: every field that has a value, and no other.
    const created = (after: unknown) => ({ before: null, after });
    expect(entry.changes).toEqual({
      nik: created('6311064101650001'),
      name: created('Salmah'),
      sex: created('P'),
      birthDate: created('1965-01-01'),
      birthPlace: created('Paringin'),
      desaKode: created('63.11.06.2005'),
      alamat: created('RT 02'),
      householdId: created(entry.household_id),
      relationship: created('ISTRI'),
    });
  });

  it('changes nothing when the same file comes again', async () => {
    const job = await importFile(csv(ROWS));
    expect(job.counts).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 6,
      rejected: 9,
      householdsInserted: 0,
      householdsUpdated: 0,
      ppksAdded: 0,
    });
    expect(await count(`beneficiary`)).toBe(6);
    expect(await count(`household`)).toBe(2);
    expect(await count(`ppks_classification`)).toBe(3);
  });

  it('updates what changed, gives a KK and a NIK to records registered without, and audits it', async () => {
    const changed = ROWS.map((row) =>
      row
        .replace(
          'Salmah,P,01-01-1965,Paringin,63.11.06.2005,RT 02',
          'Salmah,P,01-01-1965,Paringin,63.11.06.2005,RT 03',
        )
        .replace(',,Kepala Adat,', ',6311010505100001,Kepala Adat,')
        .replace(
          ',6311062001090002,Anak Tanpa NIK,',
          '6311060505150001,6311062001090002,Anak Tanpa NIK,',
        ),
    );
    const job = await importFile(csv(changed));
    expect(job.counts).toMatchObject({
      inserted: 0,
      updated: 2,
      unchanged: 4,
      householdsInserted: 0,
      householdsUpdated: 1,
    });
    expect(await count(`beneficiary`)).toBe(6);
    expect(await count(`household WHERE no_kk = '6311010505100001' AND dtks_id = 'KAT-01'`)).toBe(
      1,
    );
    const [update] = await t.dataSource.query(
      `SELECT a.changes FROM audit_entry a JOIN beneficiary b ON a.entity_id = b.id::text
       WHERE a.action = 'beneficiary.update' AND b.nik = '6311064101650001'`,
    );
    expect(update.changes).toEqual({ alamat: { before: 'RT 02', after: 'RT 03' } });
    const [adopted] = await t.dataSource.query(
      `SELECT a.changes FROM audit_entry a JOIN beneficiary b ON a.entity_id = b.id::text
       WHERE a.action = 'beneficiary.update' AND b.nik = '6311060505150001'`,
    );
    expect(adopted.changes).toEqual({ nik: { before: null, after: '6311060505150001' } });
    const [version] = await t.dataSource.query(
      `SELECT version FROM beneficiary WHERE nik = '6311064101650001'`,
    );
    expect(version.version).toBe(2);
  });

  it('fails a file without the required columns, saying which', async () => {
    const job = await importFile(Buffer.from('nik,nama\n6311061708470001,Abdul\n'));
    expect(job.status).toBe('FAILED');
    expect(job.error).toBe(
      'The header lacks the column(s): jenis_kelamin, tanggal_lahir, desa_kode.',
    );
  });

  it('imports the sample file shipped with the code without a rejected row', async () => {
    const sample = readFileSync(
      join(__dirname, '..', 'libs', 'registry', 'src', 'imports', 'sample', 'dtks-sample.csv'),
    );
    const job = await importFile(sample);
    expect(job.counts).toMatchObject({ inserted: 12, rejected: 0, householdsInserted: 4 });
  });

  it('accepts imports from Dinsos staff only', async () => {
    const tksk = await t.signIn(Role.Tksk, '63.11.06');
    await t.http
      .post('/api/v1/imports/beneficiaries')
      .auth(tksk.token, { type: 'bearer' })
      .attach('file', csv(ROWS), 'dtks.csv')
      .expect(403);
  });
});
