import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { benchDatabase, timed } from '../support';
import { HEADER } from './population';

/**
 * What the `beneficiary` table itself costs: the people of `file` inserted, in one statement and
 * one transaction, into the real table of an empty registry (its own database, as the import
 * finds it) — its indexes, its triggers (the distinct names and their trigram index), its
 * foreign keys, its default (random) ids — with nothing of the import's work: no checks, no
 * households, no PPKS, no audit. The file is first copied as text into a bare table, which is not
 * timed. Returns milliseconds.
 */
export async function beneficiaryTableFloor(file: string): Promise<number> {
  const db = await benchDatabase();
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  try {
    await pg.query(`CREATE TABLE bare_copy (${HEADER.map((h) => `${h} text`).join(', ')})`);
    await pipeline(
      createReadStream(file),
      pg.query(copyFrom('COPY bare_copy FROM STDIN (FORMAT csv, HEADER true)')),
    );
    await pg.query('ANALYZE bare_copy');
    const insert = await timed(() =>
      pg.query(`
        INSERT INTO beneficiary
          (nik, name, sex, birth_date, birth_place, desa_kode, alamat, relationship)
        SELECT NULLIF(nik, ''), nama, jenis_kelamin, tanggal_lahir::date, NULLIF(tempat_lahir, ''),
               desa_kode, NULLIF(alamat, ''), NULLIF(hubungan_keluarga, '')
        FROM bare_copy
        -- The file repeats a few people without NIK (the import reports them): skip, like it.
        ON CONFLICT DO NOTHING`),
    );
    return insert.ms;
  } finally {
    await pg.end();
    await db.drop();
  }
}
