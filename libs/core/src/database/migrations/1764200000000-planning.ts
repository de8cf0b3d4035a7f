import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The plan: Renja lines (pagu per sub-kegiatan and fiscal year, murni and perubahan), indicators
 * with their measure definitions, yearly and Renstra targets, and manually entered values.
 * Decimal figures (targets such as 1,48) are `numeric` so they are stored exactly.
 */
export class Planning1764200000000 implements MigrationInterface {
  name = 'Planning1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE renja_sub_kegiatan (
        year               smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        sub_kegiatan_kode  text NOT NULL REFERENCES nomenclature (kode),
        pagu_murni         bigint CHECK (pagu_murni >= 0),
        pagu_perubahan     bigint CHECK (pagu_perubahan >= 0),
        lokasi             text,
        sumber_dana        text,
        penanggung_jawab   text,
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT renja_sub_kegiatan_pkey PRIMARY KEY (year, sub_kegiatan_kode),
        CONSTRAINT renja_sub_kegiatan_has_pagu
          CHECK (pagu_murni IS NOT NULL OR pagu_perubahan IS NOT NULL)
      )`);
    // "Is this sub-kegiatan (or anything under this kegiatan/program) planned in some year?"
    await q.query(
      `CREATE INDEX renja_sub_kegiatan_kode_idx
         ON renja_sub_kegiatan (sub_kegiatan_kode text_pattern_ops, year)`,
    );

    await q.query(`
      CREATE TABLE indicator (
        id                     uuid PRIMARY KEY,
        seq                    bigint GENERATED ALWAYS AS IDENTITY,
        name                   text NOT NULL CHECK (name <> ''),
        level                  text NOT NULL
                               CHECK (level IN ('TUJUAN', 'SASARAN', 'PROGRAM', 'KEGIATAN', 'SUB_KEGIATAN')),
        nomenclature_kode      text REFERENCES nomenclature (kode),
        unit                   text NOT NULL CHECK (unit <> ''),
        polarity               text NOT NULL CHECK (polarity IN ('POSITIVE', 'NEGATIVE')),
        negative_capaian_rule  text CHECK (negative_capaian_rule IN ('TWO_T_MINUS_R', 'T_OVER_R')),
        accumulation           text NOT NULL CHECK (accumulation IN ('SUM', 'LATEST', 'AVERAGE')),
        measure                jsonb NOT NULL,
        version                integer NOT NULL DEFAULT 1,
        created_at             timestamptz NOT NULL DEFAULT now(),
        updated_at             timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT indicator_seq_key UNIQUE (seq),
        CONSTRAINT indicator_node_matches_level
          CHECK ((level IN ('TUJUAN', 'SASARAN')) = (nomenclature_kode IS NULL)),
        CONSTRAINT indicator_negative_rule_matches_polarity
          CHECK ((polarity = 'NEGATIVE') = (negative_capaian_rule IS NOT NULL))
      )`);
    // One indicator of a given name per node: makes re-importing a Renja idempotent.
    await q.query(
      `CREATE UNIQUE INDEX indicator_node_name_key
         ON indicator (level, coalesce(nomenclature_kode, ''), lower(name))`,
    );
    await q.query(
      `CREATE INDEX indicator_sort_idx ON indicator (coalesce(nomenclature_kode, ''), seq)`,
    );

    await q.query(`
      CREATE TABLE indicator_target (
        indicator_id     uuid NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
        year             smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        versi            text NOT NULL CHECK (versi IN ('MURNI', 'PERUBAHAN')),
        annual           numeric NOT NULL CHECK (annual >= 0),
        tw1              numeric CHECK (tw1 >= 0),
        tw2              numeric CHECK (tw2 >= 0),
        tw3              numeric CHECK (tw3 >= 0),
        tw4              numeric CHECK (tw4 >= 0),
        triwulan_shares  numeric[],
        updated_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT indicator_target_pkey PRIMARY KEY (indicator_id, year, versi),
        CONSTRAINT indicator_target_triwulan_all_or_none
          CHECK (num_nulls(tw1, tw2, tw3, tw4) IN (0, 4)),
        CONSTRAINT indicator_target_shares_need_triwulan
          CHECK (triwulan_shares IS NULL OR (tw1 IS NOT NULL AND cardinality(triwulan_shares) = 4))
      )`);
    await q.query(
      `CREATE INDEX indicator_target_year_idx ON indicator_target (year, indicator_id)`,
    );

    await q.query(`
      CREATE TABLE indicator_renstra_target (
        indicator_id  uuid NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
        start_year    smallint NOT NULL CHECK (start_year BETWEEN 2000 AND 2100),
        end_year      smallint NOT NULL,
        target        numeric NOT NULL CHECK (target >= 0),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT indicator_renstra_target_pkey PRIMARY KEY (indicator_id, start_year),
        CONSTRAINT indicator_renstra_target_period
          CHECK (end_year > start_year AND end_year - start_year <= 5)
      )`);

    await q.query(`
      CREATE TABLE indicator_manual_value (
        indicator_id  uuid NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
        year          smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        triwulan      smallint NOT NULL CHECK (triwulan BETWEEN 1 AND 4),
        value         numeric NOT NULL,
        updated_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT indicator_manual_value_pkey PRIMARY KEY (indicator_id, year, triwulan)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE indicator_manual_value`);
    await q.query(`DROP TABLE indicator_renstra_target`);
    await q.query(`DROP TABLE indicator_target`);
    await q.query(`DROP TABLE indicator`);
    await q.query(`DROP TABLE renja_sub_kegiatan`);
  }
}
