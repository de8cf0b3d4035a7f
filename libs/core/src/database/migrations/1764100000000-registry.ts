import { MigrationInterface, QueryRunner } from 'typeorm';

const RELATIONSHIPS = [
  'KEPALA_KELUARGA',
  'SUAMI',
  'ISTRI',
  'ANAK',
  'MENANTU',
  'CUCU',
  'ORANG_TUA',
  'MERTUA',
  'FAMILI_LAIN',
  'PEMBANTU',
  'LAINNYA',
];
const sqlList = (values: string[]): string => values.map((v) => `'${v}'`).join(', ');

/**
 * The beneficiary registry: households (keluarga), people, their PPKS classifications, and the
 * "not a duplicate" decisions of the duplicate review.
 */
export class Registry1764100000000 implements MigrationInterface {
  name = 'Registry1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // GiST exclusion constraints over (uuid, text, daterange) need btree_gist's operator classes.
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    await q.query(`
      CREATE TABLE household (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        no_kk             text CHECK (no_kk ~ '^[0-9]{16}$'),
        desa_kode         text NOT NULL REFERENCES wilayah (kode),
        alamat            text,
        dtks_registered   boolean NOT NULL DEFAULT false,
        dtks_id           text,
        desil             smallint CHECK (desil BETWEEN 1 AND 10),
        dtks_verified_on  date,
        version           integer NOT NULL DEFAULT 1,
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX household_no_kk_key ON household (no_kk) WHERE no_kk IS NOT NULL`,
    );
    // A family registered before its KK exists is found again on re-import by its DTKS id.
    await q.query(`
      CREATE UNIQUE INDEX household_dtks_id_key ON household (dtks_id)
      WHERE no_kk IS NULL AND dtks_id IS NOT NULL`);
    await q.query(`CREATE INDEX household_desa_idx ON household (desa_kode text_pattern_ops)`);

    await q.query(`
      CREATE TABLE beneficiary (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        nik             text CHECK (nik ~ '^[0-9]{16}$'),
        name            text NOT NULL CHECK (name <> ''),
        sex             char(1) NOT NULL CHECK (sex IN ('L', 'P')),
        birth_date      date NOT NULL,
        birth_place     text,
        desa_kode       text NOT NULL REFERENCES wilayah (kode),
        alamat          text,
        household_id    uuid REFERENCES household (id),
        relationship    text CHECK (relationship IN (${sqlList(RELATIONSHIPS)})),
        status          text NOT NULL DEFAULT 'AKTIF'
                        CHECK (status IN ('AKTIF', 'MENINGGAL', 'PINDAH', 'NONAKTIF', 'MERGED')),
        died_on         date,
        merged_into_id  uuid REFERENCES beneficiary (id),
        version         integer NOT NULL DEFAULT 1,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'MERGED') = (merged_into_id IS NOT NULL)),
        CHECK (status <> 'MENINGGAL' OR died_on IS NOT NULL)
      )`);
    // A NIK identifies one living record; the merged-away copies keep theirs for the trail.
    await q.query(`
      CREATE UNIQUE INDEX beneficiary_nik_key ON beneficiary (nik)
      WHERE nik IS NOT NULL AND status <> 'MERGED'`);
    // People without NIK: the same name, birth date and desa is the same person (the import's
    // natural key; the API answers 409 rather than registering them twice).
    await q.query(`
      CREATE UNIQUE INDEX beneficiary_identity_key ON beneficiary (desa_kode, birth_date, lower(name))
      WHERE nik IS NULL AND status <> 'MERGED'`);
    // Inserts wait in the GIN pending list until it is merged, and every search reads that list
    // in full: a small list keeps name search fast between merges (the default 4 MB costs tens
    // of ms per search once a bulk import has filled it).
    await q.query(`
      CREATE INDEX beneficiary_name_trgm_idx ON beneficiary USING gin (name gin_trgm_ops)
      WITH (gin_pending_list_limit = 256)`);
    await q.query(`CREATE INDEX beneficiary_name_idx ON beneficiary (name, id)`);
    await q.query(`CREATE INDEX beneficiary_desa_idx ON beneficiary (desa_kode text_pattern_ops)`);
    await q.query(`CREATE INDEX beneficiary_household_idx ON beneficiary (household_id)`);
    // Likely duplicates share a birth date and a kecamatan (the first 8 characters of the desa code).
    await q.query(`
      CREATE INDEX beneficiary_likely_duplicate_idx ON beneficiary (birth_date, left(desa_kode, 8))
      WHERE status <> 'MERGED'`);

    await q.query(`
      CREATE TABLE ppks_classification (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        beneficiary_id  uuid REFERENCES beneficiary (id),
        household_id    uuid REFERENCES household (id),
        ppks_kode       text NOT NULL REFERENCES ppks_type (kode),
        since           date NOT NULL,
        until           date,
        source          text NOT NULL CHECK (source IN ('DTKS', 'ASSESSMENT', 'TKSK_REPORT', 'IMPORT')),
        terlantar       boolean NOT NULL DEFAULT false,
        verification    text NOT NULL DEFAULT 'PROPOSED'
                        CHECK (verification IN ('PROPOSED', 'VERIFIED', 'REJECTED')),
        reviewed_by     uuid,
        reviewed_at     timestamptz,
        disaster_id     uuid,
        created_by      uuid,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        CHECK ((beneficiary_id IS NULL) <> (household_id IS NULL)),
        CHECK (until IS NULL OR until >= since),
        CHECK ((verification = 'PROPOSED') = (reviewed_at IS NULL)),
        -- Coverage counts people by these periods: one type may not be held twice at once.
        CONSTRAINT ppks_classification_person_no_overlap EXCLUDE USING gist (
          beneficiary_id WITH =, ppks_kode WITH =, daterange(since, until, '[]') WITH &&
        ) WHERE (beneficiary_id IS NOT NULL AND verification <> 'REJECTED'),
        CONSTRAINT ppks_classification_household_no_overlap EXCLUDE USING gist (
          household_id WITH =, ppks_kode WITH =, daterange(since, until, '[]') WITH &&
        ) WHERE (household_id IS NOT NULL AND verification <> 'REJECTED')
      )`);
    await q.query(`
      CREATE INDEX ppks_classification_beneficiary_idx ON ppks_classification (beneficiary_id)
      WHERE beneficiary_id IS NOT NULL`);
    await q.query(`
      CREATE INDEX ppks_classification_household_idx ON ppks_classification (household_id)
      WHERE household_id IS NOT NULL`);
    await q.query(
      `CREATE INDEX ppks_classification_kode_idx ON ppks_classification (ppks_kode, since)`,
    );

    await q.query(`
      CREATE TABLE beneficiary_not_duplicate (
        beneficiary_id  uuid NOT NULL REFERENCES beneficiary (id),
        other_id        uuid NOT NULL REFERENCES beneficiary (id),
        decided_by      uuid,
        decided_at      timestamptz NOT NULL DEFAULT now(),
        note            text,
        PRIMARY KEY (beneficiary_id, other_id),
        CHECK (beneficiary_id < other_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE beneficiary_not_duplicate`);
    await q.query(`DROP TABLE ppks_classification`);
    await q.query(`DROP TABLE beneficiary`);
    await q.query(`DROP TABLE household`);
    // The extensions stay: other objects may use them, and keeping them is harmless.
  }
}
