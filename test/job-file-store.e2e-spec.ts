import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { JobFileStore, JobName, JobRunsService } from '@pilar/core';
import { TestApp } from '@pilar/testing';

describe('Job file store (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  it('reads back exactly the bytes it stored, across chunks and the pieces they are read in', async () => {
    const run = await t.get(JobRunsService).create(JobName.BeneficiaryImport);
    const store = t.get(JobFileStore);
    // Two and a half chunks, in uneven parts, random bytes (incompressible) and text.
    const file = Buffer.concat([randomBytes(1_500_000), Buffer.from('nik,nama\n'.repeat(120_000))]);
    const parts = [
      file.subarray(0, 70_001),
      file.subarray(70_001, 2_000_000),
      file.subarray(2_000_000),
    ];
    expect(await store.write(run.id, Readable.from(parts))).toBe(file.length);

    const read: Buffer[] = [];
    for await (const piece of store.read(run.id)) read.push(piece as Buffer);
    expect(Buffer.concat(read).equals(file)).toBe(true);
  });
});
