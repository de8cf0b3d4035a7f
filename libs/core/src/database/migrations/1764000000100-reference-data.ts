import { MigrationInterface, QueryRunner } from 'typeorm';

/** Wilayah tree, PPKS types, service types and the budget nomenclature. */
export class ReferenceData1764000000100 implements MigrationInterface {
  name = 'ReferenceData1764000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE wilayah (
        kode        text PRIMARY KEY,
        nama        text NOT NULL,
        tingkat     text NOT NULL CHECK (tingkat IN ('PROVINSI', 'KABUPATEN', 'KECAMATAN', 'DESA')),
        induk_kode  text REFERENCES wilayah (kode),
        CHECK ((tingkat = 'PROVINSI') = (induk_kode IS NULL))
      )`);
    await q.query(`CREATE INDEX wilayah_induk_idx ON wilayah (induk_kode, kode)`);
    await q.query(`CREATE INDEX wilayah_nama_idx ON wilayah (lower(nama) text_pattern_ops)`);

    await q.query(`
      CREATE TABLE ppks_type (
        kode      text PRIMARY KEY,
        nomor     smallint NOT NULL UNIQUE,
        nama      text NOT NULL,
        satuan    text NOT NULL CHECK (satuan IN ('JIWA', 'KK')),
        spm       char(1) CHECK (spm IN ('A', 'B', 'C', 'D', 'E')),
        spm_requires_terlantar boolean NOT NULL DEFAULT false
      )`);

    await q.query(`
      CREATE TABLE service_type (
        kode       text PRIMARY KEY,
        nama       text NOT NULL,
        keterangan text NOT NULL DEFAULT ''
      )`);

    await q.query(`
      CREATE TABLE nomenclature (
        kode        text PRIMARY KEY,
        tingkat     text NOT NULL CHECK (tingkat IN ('URUSAN', 'BIDANG', 'PROGRAM', 'KEGIATAN', 'SUB_KEGIATAN')),
        nama        text NOT NULL,
        induk_kode  text REFERENCES nomenclature (kode),
        asal        text NOT NULL DEFAULT 'printed',
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX nomenclature_induk_idx ON nomenclature (induk_kode, kode)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE nomenclature`);
    await q.query(`DROP TABLE service_type`);
    await q.query(`DROP TABLE ppks_type`);
    await q.query(`DROP TABLE wilayah`);
  }
}
