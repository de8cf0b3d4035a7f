import { Role } from '@pilar/auth';
import { RedisConnections } from '@pilar/core';
import { TestApp } from '@pilar/testing';

/** The first real job: CSV upload → Redis → worker → PostgreSQL, with per-row errors. */
describe('Nomenclature import (e2e, through Redis and the worker)', () => {
  let t: TestApp;
  let admin: { token: string; id: string };

  beforeAll(async () => {
    t = await TestApp.create();
    await t.startWorker();
    admin = await t.signIn(Role.Admin);
  });
  afterAll(() => t.close());

  const upload = (csv: string, token = admin.token) =>
    t.http
      .post('/api/v1/nomenclature/import')
      .auth(token, { type: 'bearer' })
      .attach('file', Buffer.from(csv, 'utf8'), 'nomenklatur.csv');

  it('applies good rows and reports each bad row with its line number and reason', async () => {
    const csv = [
      'kode;nama;tingkat',
      '1.06.04.2.01.0013;Pemberian Layanan Baru;SUB_KEGIATAN', // new
      '1 06 04 2 01 04;Pemberian Pelayanan Reunifikasi Keluarga (SIPD);', // 2-digit form, renamed
      '1.6.4;Kode rusak;', // bad code
      '1.06.04.2.01.0014;;', // no name
      '1.06.09.2.01.0001;Anak yatim tanpa induk;', // parent neither in Pilar nor in the file
      '1.06.04.2.01.0013;Duplikat;', // repeated in the file
      '1.06.04.2.01.0001;Penyediaan Permakanan;SUB_KEGIATAN', // same name, now confirmed by the Pemda (asal)
    ].join('\n');
    const res = await upload(csv).expect(202);
    const job = await t.waitForJob(res.body.jobId, admin.token);
    expect(job).toMatchObject({
      status: 'COMPLETED',
      progress: 100,
      counts: { inserted: 1, updated: 2, unchanged: 0, rejected: 4 },
      errors: [
        { row: 4, field: 'kode', reason: '"1.6.4" is not a nomenclature code' },
        { row: 5, field: 'nama', reason: 'nama is empty' },
        { row: 6, field: 'kode', reason: expect.stringContaining('parent 1.06.09.2.01') },
        { row: 7, field: 'kode', reason: '1.06.04.2.01.0013 already appears on line 2' },
      ],
      errorReportUrl: `/api/v1/jobs/${res.body.jobId}/errors.csv`,
    });
    const tree = await t.http
      .get('/api/v1/nomenclature?kode=1.06.04.2.01')
      .auth(admin.token, { type: 'bearer' })
      .expect(200);
    const subs = tree.body[0].children.map((c: { kode: string; nama: string }) => [c.kode, c.nama]);
    expect(subs).toContainEqual(['1.06.04.2.01.0013', 'Pemberian Layanan Baru']);
    expect(subs).toContainEqual([
      '1.06.04.2.01.0004',
      'Pemberian Pelayanan Reunifikasi Keluarga (SIPD)',
    ]);

    // The same file again changes nothing.
    const again = await t.waitForJob((await upload(csv).expect(202)).body.jobId, admin.token);
    expect(again.counts).toEqual({ inserted: 0, updated: 0, unchanged: 3, rejected: 4 });

    const report = await t.http
      .get(job.errorReportUrl as string)
      .auth(admin.token, { type: 'bearer' })
      .expect(200);
    expect(report.text.split('\n')[0]).toBe('row,field,reason');
    expect(report.text).toContain('4,kode,"""1.6.4"" is not a nomenclature code"');
  });

  it('fails the whole job with a clear reason when a required column is missing', async () => {
    const res = await upload('code,name\n1.06,Sosial\n').expect(202);
    const job = await t.waitForJob(res.body.jobId, admin.token);
    expect(job).toMatchObject({
      status: 'FAILED',
      error: 'The header lacks the column(s): kode, nama.',
    });
  });

  it('accepts the upload only as multipart with a file, and only from an ADMIN', async () => {
    const noFile = await t.http
      .post('/api/v1/nomenclature/import')
      .auth(admin.token, { type: 'bearer' })
      .field('other', 'x')
      .expect(400);
    expect(noFile.body.errors).toEqual([
      { field: 'file', message: 'no file was sent in the field "file"' },
    ]);
    const operator = await t.signIn(Role.Operator);
    await upload('kode,nama\n', operator.token).expect(403);
  });

  it('keeps jobs private to their creator (others get 404), open to ADMIN/OPERATOR', async () => {
    const res = await upload('kode,nama\n1.06,Sosial\n').expect(202);
    await t.waitForJob(res.body.jobId, admin.token);
    const tksk = await t.signIn(Role.Tksk, '63.11.06');
    await t.http
      .get(`/api/v1/jobs/${res.body.jobId}`)
      .auth(tksk.token, { type: 'bearer' })
      .expect(404);
    const operator = await t.signIn(Role.Operator);
    await t.http
      .get(`/api/v1/jobs/${res.body.jobId}`)
      .auth(operator.token, { type: 'bearer' })
      .expect(200);
  });

  it('puts only ids in Redis, never file contents', async () => {
    const res = await upload('kode,nama\n1.06.04.2.01.0015,Layanan Rahasia Sekali\n').expect(202);
    await t.waitForJob(res.body.jobId, admin.token);
    const redis = t.get(RedisConnections);
    const keys = await redis.client().keys(`${t.config.redis.prefix}:*`);
    for (const key of keys) {
      const type = await redis.client().type(key);
      const dump = type === 'hash' ? JSON.stringify(await redis.client().hgetall(key)) : '';
      expect(dump).not.toContain('Rahasia');
    }
  });
});
