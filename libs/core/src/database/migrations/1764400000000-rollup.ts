import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bucket (0–16383) of a recipient id: its partial figures live in that bucket. Must match
 * ROLLUP_BUCKETS in @pilar/rollup.
 */
const BUCKET = (column: string): string => `(hashtext(${column}::text) & 16383)::smallint`;

/**
 * The roll-up: the figures the reports read, each recomputed from the service events, never
 * incremented.
 *
 * Three layers. `rollup_service_fact` (one row per recipient, year, sub-kegiatan and service type,
 * with per-triwulan sums and the first date) and `rollup_ppks_member` (who is PPKS of which type
 * in which year, and where) are recomputed per recipient. The `*_bucket` tables hold the same
 * figures as the cells, partial to one of 16384 buckets of recipients (by a hash of their id):
 * a batch of changes recomputes only the buckets of the people it touches. The cells the reports
 * read (indicator realisasi, realisasi anggaran, PPKS coverage, SPM) are then recomputed as the
 * sums of their buckets, so a batch costs the same on a kabupaten of a thousand services as on
 * ten million. Codes compared by prefix use the "C" collation.
 *
 * Triggers note in the outbox the changes that move figures but that no service-event write
 * records: PPKS periods, people moving desa or household, registry merges, disaster victims and
 * windows, indicator definitions. The outbox row is written in the same transaction as the
 * change, so the roll-up never misses one.
 */
export class Rollup1764400000000 implements MigrationInterface {
  name = 'Rollup1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rollup_state (
        id               boolean PRIMARY KEY DEFAULT true CHECK (id),
        last_drained_at  timestamptz,
        last_rebuilt_at  timestamptz
      )`);
    await q.query(`INSERT INTO rollup_state DEFAULT VALUES`);

    // The years whose PPKS members have been computed for everyone (by a rebuild of the year).
    await q.query(`
      CREATE TABLE rollup_year (
        year        smallint PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        rebuilt_at  timestamptz NOT NULL
      )`);

    await q.query(`
      CREATE TABLE rollup_service_fact (
        recipient_id       uuid NOT NULL,
        year               smallint NOT NULL,
        sub_kegiatan_kode  text COLLATE "C" NOT NULL,
        service_type       text COLLATE "C" NOT NULL,
        beneficiary_id     uuid,
        household_id       uuid,
        first_date         date NOT NULL,
        events             integer[] NOT NULL CHECK (cardinality(events) = 4),
        quantity           numeric[] NOT NULL CHECK (cardinality(quantity) = 4),
        amount             bigint[] NOT NULL CHECK (cardinality(amount) = 4),
        recipient_bucket   smallint NOT NULL GENERATED ALWAYS AS (${BUCKET('recipient_id')}) STORED,
        household_bucket   smallint GENERATED ALWAYS AS (${BUCKET('household_id')}) STORED,
        CONSTRAINT rollup_service_fact_pkey
          PRIMARY KEY (recipient_id, year, sub_kegiatan_kode, service_type)
      )`);
    await q.query(`
      COMMENT ON COLUMN rollup_service_fact.sub_kegiatan_kode IS
        'Empty for a KUNJUNGAN that no sub-kegiatan paid for'`);
    await q.query(`
      COMMENT ON COLUMN rollup_service_fact.household_id IS
        'The household served: the event''s own, or the person''s household for a person event'`);
    await q.query(
      `CREATE INDEX rollup_service_fact_bucket_idx
         ON rollup_service_fact (year, recipient_bucket)`,
    );
    await q.query(
      `CREATE INDEX rollup_service_fact_household_bucket_idx
         ON rollup_service_fact (year, household_bucket) WHERE household_bucket IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX rollup_service_fact_household_idx ON rollup_service_fact (household_id, year)
       WHERE household_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE rollup_ppks_member (
        recipient_id    uuid NOT NULL,
        year            smallint NOT NULL,
        ppks_kode       text COLLATE "C" NOT NULL,
        kecamatan_kode  text COLLATE "C" NOT NULL,
        terlantar       boolean NOT NULL,
        bucket          smallint NOT NULL GENERATED ALWAYS AS (${BUCKET('recipient_id')}) STORED,
        CONSTRAINT rollup_ppks_member_pkey PRIMARY KEY (recipient_id, year, ppks_kode)
      )`);
    await q.query(
      `CREATE INDEX rollup_ppks_member_bucket_idx ON rollup_ppks_member (year, bucket)`,
    );

    // Each countable part of an indicator, per bucket: value[1..4] per triwulan (for PPKS_POPULATION
    // parts, the bucket's population in all four).
    await q.query(`
      CREATE TABLE rollup_part_bucket (
        indicator_id  uuid NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
        year          smallint NOT NULL,
        role          text COLLATE "C" NOT NULL CHECK (role IN ('VALUE', 'DENOMINATOR')),
        bucket        smallint NOT NULL,
        value         numeric[] NOT NULL CHECK (cardinality(value) = 4),
        CONSTRAINT rollup_part_bucket_pkey PRIMARY KEY (indicator_id, year, role, bucket)
      )`);
    await q.query(`
      CREATE TABLE rollup_anggaran_bucket (
        year               smallint NOT NULL,
        sub_kegiatan_kode  text COLLATE "C" NOT NULL,
        bucket             smallint NOT NULL,
        amount             bigint[] NOT NULL CHECK (cardinality(amount) = 4),
        events             integer[] NOT NULL CHECK (cardinality(events) = 4),
        CONSTRAINT rollup_anggaran_bucket_pkey PRIMARY KEY (year, sub_kegiatan_kode, bucket)
      )`);
    await q.query(`
      CREATE TABLE rollup_coverage_bucket (
        year            smallint NOT NULL,
        bucket          smallint NOT NULL,
        kecamatan_kode  text COLLATE "C" NOT NULL,
        ppks_kode       text COLLATE "C" NOT NULL,
        registered      integer NOT NULL,
        served          integer NOT NULL,
        CONSTRAINT rollup_coverage_bucket_pkey PRIMARY KEY (year, bucket, kecamatan_kode, ppks_kode)
      )`);
    await q.query(
      `CREATE INDEX rollup_coverage_bucket_kecamatan_idx ON rollup_coverage_bucket (year, kecamatan_kode)`,
    );
    await q.query(`
      CREATE TABLE rollup_spm_bucket (
        year            smallint NOT NULL,
        bucket          smallint NOT NULL,
        kecamatan_kode  text COLLATE "C" NOT NULL,
        spm             char(1) NOT NULL,
        needing         integer NOT NULL,
        served          integer NOT NULL,
        CONSTRAINT rollup_spm_bucket_pkey PRIMARY KEY (year, bucket, kecamatan_kode, spm)
      )`);
    await q.query(
      `CREATE INDEX rollup_spm_bucket_kecamatan_idx ON rollup_spm_bucket (year, kecamatan_kode)`,
    );

    await q.query(`
      CREATE TABLE rollup_indicator_cell (
        indicator_id     uuid NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
        year             smallint NOT NULL,
        triwulan         smallint NOT NULL CHECK (triwulan BETWEEN 1 AND 4),
        value            numeric NOT NULL,
        value_ytd        numeric NOT NULL,
        denominator      numeric,
        denominator_ytd  numeric,
        CONSTRAINT rollup_indicator_cell_pkey PRIMARY KEY (indicator_id, year, triwulan)
      )`);
    await q.query(
      `CREATE INDEX rollup_indicator_cell_year_idx ON rollup_indicator_cell (year, indicator_id)`,
    );

    await q.query(`
      CREATE TABLE rollup_anggaran_cell (
        sub_kegiatan_kode  text COLLATE "C" NOT NULL,
        year               smallint NOT NULL,
        triwulan           smallint NOT NULL CHECK (triwulan BETWEEN 1 AND 4),
        amount             bigint NOT NULL,
        events             integer NOT NULL,
        CONSTRAINT rollup_anggaran_cell_pkey PRIMARY KEY (year, sub_kegiatan_kode, triwulan)
      )`);

    await q.query(`
      CREATE TABLE rollup_ppks_coverage (
        year            smallint NOT NULL,
        kecamatan_kode  text COLLATE "C" NOT NULL,
        ppks_kode       text COLLATE "C" NOT NULL,
        registered      integer NOT NULL,
        served          integer NOT NULL CHECK (served <= registered),
        CONSTRAINT rollup_ppks_coverage_pkey PRIMARY KEY (year, kecamatan_kode, ppks_kode)
      )`);

    await q.query(`
      CREATE TABLE rollup_spm (
        year            smallint NOT NULL,
        kecamatan_kode  text COLLATE "C" NOT NULL,
        spm             char(1) NOT NULL CHECK (spm IN ('A', 'B', 'C', 'D', 'E')),
        needing         integer NOT NULL,
        served          integer NOT NULL CHECK (served <= needing),
        CONSTRAINT rollup_spm_pkey PRIMARY KEY (year, kecamatan_kode, spm)
      )`);

    await this.createChangeTriggers(q);
  }

  private async createChangeTriggers(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION rollup_note(topic text, aggregate_id uuid, event_year smallint, payload jsonb)
      RETURNS void LANGUAGE sql AS $$
        INSERT INTO outbox (topic, aggregate_id, event_year, payload)
        VALUES (topic, aggregate_id, event_year, jsonb_strip_nulls(payload))
      $$`);

    // A PPKS period added, ended, moved to another holder, rejected, or tied to a disaster.
    await q.query(`
      CREATE FUNCTION rollup_ppks_classification_changed() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM rollup_note('rollup.ppks-classification', OLD.id, NULL, jsonb_build_object(
            'beneficiaryId', OLD.beneficiary_id, 'householdId', OLD.household_id,
            'disasterId', OLD.disaster_id));
          RETURN NULL;
        END IF;
        PERFORM rollup_note('rollup.ppks-classification', NEW.id, NULL, jsonb_build_object(
          'beneficiaryId', NEW.beneficiary_id, 'householdId', NEW.household_id,
          'disasterId', NEW.disaster_id));
        IF TG_OP = 'UPDATE' AND (OLD.beneficiary_id, OLD.household_id, OLD.disaster_id)
             IS DISTINCT FROM (NEW.beneficiary_id, NEW.household_id, NEW.disaster_id) THEN
          PERFORM rollup_note('rollup.ppks-classification', OLD.id, NULL, jsonb_build_object(
            'beneficiaryId', OLD.beneficiary_id, 'householdId', OLD.household_id,
            'disasterId', OLD.disaster_id));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER rollup_ppks_classification_insert_delete
      AFTER INSERT OR DELETE ON ppks_classification
      FOR EACH ROW EXECUTE FUNCTION rollup_ppks_classification_changed()`);
    await q.query(`
      CREATE TRIGGER rollup_ppks_classification_update AFTER UPDATE ON ppks_classification
      FOR EACH ROW
      WHEN ((OLD.beneficiary_id, OLD.household_id, OLD.ppks_kode, OLD.since, OLD.until,
             OLD.terlantar, OLD.verification, OLD.disaster_id)
            IS DISTINCT FROM
            (NEW.beneficiary_id, NEW.household_id, NEW.ppks_kode, NEW.since, NEW.until,
             NEW.terlantar, NEW.verification, NEW.disaster_id))
      EXECUTE FUNCTION rollup_ppks_classification_changed()`);

    // A person moved desa or household, merged away, or died: coverage counts them elsewhere.
    await q.query(`
      CREATE FUNCTION rollup_beneficiary_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM rollup_note('rollup.beneficiary', NEW.id, NULL, jsonb_build_object(
          'beneficiaryId', NEW.id, 'householdId', NEW.household_id,
          'previousHouseholdId', OLD.household_id, 'previousDesaKode', OLD.desa_kode));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER rollup_beneficiary_update AFTER UPDATE ON beneficiary
      FOR EACH ROW
      WHEN ((OLD.desa_kode, OLD.household_id, OLD.status, OLD.died_on)
            IS DISTINCT FROM (NEW.desa_kode, NEW.household_id, NEW.status, NEW.died_on))
      EXECUTE FUNCTION rollup_beneficiary_changed()`);

    await q.query(`
      CREATE FUNCTION rollup_household_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM rollup_note('rollup.household', NEW.id, NULL, jsonb_build_object(
          'householdId', NEW.id, 'previousDesaKode', OLD.desa_kode));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER rollup_household_update AFTER UPDATE ON household
      FOR EACH ROW WHEN (OLD.desa_kode IS DISTINCT FROM NEW.desa_kode)
      EXECUTE FUNCTION rollup_household_changed()`);

    // A registry merge moves events to the surviving record (voids are in casework's outbox rows).
    await q.query(`
      CREATE FUNCTION rollup_service_event_moved() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM rollup_note('rollup.service-event-moved', NEW.id,
          extract(year FROM NEW.event_date)::smallint, jsonb_build_object(
            'beneficiaryId', NEW.beneficiary_id, 'householdId', NEW.household_id,
            'previousBeneficiaryId', OLD.beneficiary_id, 'previousHouseholdId', OLD.household_id));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER rollup_service_event_moved AFTER UPDATE ON service_event
      FOR EACH ROW
      WHEN ((OLD.beneficiary_id, OLD.household_id) IS DISTINCT FROM (NEW.beneficiary_id, NEW.household_id))
      EXECUTE FUNCTION rollup_service_event_moved()`);

    // SPM E: who the victims are and when the tanggap darurat runs.
    await q.query(`
      CREATE FUNCTION rollup_disaster_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM rollup_note('rollup.disaster', NEW.id, NULL,
          jsonb_build_object('disasterId', NEW.id));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER rollup_disaster_update AFTER UPDATE ON disaster
      FOR EACH ROW
      WHEN ((OLD.start_date, OLD.emergency_end_date) IS DISTINCT FROM (NEW.start_date, NEW.emergency_end_date))
      EXECUTE FUNCTION rollup_disaster_changed()`);
    await q.query(`
      CREATE FUNCTION rollup_disaster_victim_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          PERFORM rollup_note('rollup.disaster-victim', OLD.id, NULL, jsonb_build_object(
            'beneficiaryId', OLD.beneficiary_id, 'householdId', OLD.household_id,
            'disasterId', OLD.disaster_id));
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          PERFORM rollup_note('rollup.disaster-victim', NEW.id, NULL, jsonb_build_object(
            'beneficiaryId', NEW.beneficiary_id, 'householdId', NEW.household_id,
            'disasterId', NEW.disaster_id));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER rollup_disaster_victim_changed
      AFTER INSERT OR UPDATE OR DELETE ON disaster_victim
      FOR EACH ROW EXECUTE FUNCTION rollup_disaster_victim_changed()`);

    // A new indicator, or a new definition of what it counts.
    await q.query(`
      CREATE FUNCTION rollup_indicator_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM rollup_note('rollup.indicator', NEW.id, NULL,
          jsonb_build_object('indicatorId', NEW.id));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER rollup_indicator_insert AFTER INSERT ON indicator
      FOR EACH ROW EXECUTE FUNCTION rollup_indicator_changed()`);
    await q.query(`
      CREATE TRIGGER rollup_indicator_update AFTER UPDATE ON indicator
      FOR EACH ROW WHEN (OLD.measure IS DISTINCT FROM NEW.measure)
      EXECUTE FUNCTION rollup_indicator_changed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER rollup_indicator_update ON indicator`);
    await q.query(`DROP TRIGGER rollup_indicator_insert ON indicator`);
    await q.query(`DROP FUNCTION rollup_indicator_changed()`);
    await q.query(`DROP TRIGGER rollup_disaster_victim_changed ON disaster_victim`);
    await q.query(`DROP FUNCTION rollup_disaster_victim_changed()`);
    await q.query(`DROP TRIGGER rollup_disaster_update ON disaster`);
    await q.query(`DROP FUNCTION rollup_disaster_changed()`);
    await q.query(`DROP TRIGGER rollup_service_event_moved ON service_event`);
    await q.query(`DROP FUNCTION rollup_service_event_moved()`);
    await q.query(`DROP TRIGGER rollup_household_update ON household`);
    await q.query(`DROP FUNCTION rollup_household_changed()`);
    await q.query(`DROP TRIGGER rollup_beneficiary_update ON beneficiary`);
    await q.query(`DROP FUNCTION rollup_beneficiary_changed()`);
    await q.query(`DROP TRIGGER rollup_ppks_classification_update ON ppks_classification`);
    await q.query(`DROP TRIGGER rollup_ppks_classification_insert_delete ON ppks_classification`);
    await q.query(`DROP FUNCTION rollup_ppks_classification_changed()`);
    await q.query(`DROP FUNCTION rollup_note(text, uuid, smallint, jsonb)`);
    await q.query(`DROP TABLE rollup_spm_bucket`);
    await q.query(`DROP TABLE rollup_coverage_bucket`);
    await q.query(`DROP TABLE rollup_anggaran_bucket`);
    await q.query(`DROP TABLE rollup_part_bucket`);
    await q.query(`DROP TABLE rollup_spm`);
    await q.query(`DROP TABLE rollup_ppks_coverage`);
    await q.query(`DROP TABLE rollup_anggaran_cell`);
    await q.query(`DROP TABLE rollup_indicator_cell`);
    await q.query(`DROP TABLE rollup_ppks_member`);
    await q.query(`DROP TABLE rollup_service_fact`);
    await q.query(`DROP TABLE rollup_year`);
    await q.query(`DROP TABLE rollup_state`);
  }
}
