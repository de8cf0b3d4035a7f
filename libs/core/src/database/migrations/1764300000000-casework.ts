import { MigrationInterface, QueryRunner } from 'typeorm';

const CASE_TYPES = ['REUNIFIKASI', 'AMPK', 'REHABILITASI', 'RUJUKAN'];
const CASE_STATUSES = [
  'REPORTED',
  'ASSESSMENT',
  'INTERVENTION',
  'REFERRED',
  'REUNIFIED',
  'MONITORING',
  'CLOSED',
  'REOPENED',
];
const CASE_DOCUMENTS = ['SURAT_PENGANTAR_DINSOS', 'SURAT_KETERANGAN_KEPOLISIAN', 'IDENTITAS'];
const sqlList = (values: string[]): string => values.map((v) => `'${v}'`).join(', ');

/**
 * Casework: disasters and their victims, cases (reunifikasi, AMPK, …) with their transitions,
 * documents and relay legs, service events, and the transactional outbox the roll-up drains.
 */
export class Casework1764300000000 implements MigrationInterface {
  name = 'Casework1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE disaster (
        id                  uuid PRIMARY KEY,
        jenis               text NOT NULL CHECK (jenis IN ('ALAM', 'SOSIAL')),
        name                text NOT NULL CHECK (name <> ''),
        start_date          date NOT NULL,
        emergency_end_date  date NOT NULL,
        wilayah_kode        text NOT NULL REFERENCES wilayah (kode),
        created_by          uuid REFERENCES app_user (id),
        version             integer NOT NULL DEFAULT 1,
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT disaster_emergency_after_start CHECK (emergency_end_date >= start_date)
      )`);
    await q.query(`CREATE INDEX disaster_list_idx ON disaster (start_date DESC, id DESC)`);
    await q.query(`
      ALTER TABLE ppks_classification
        ADD CONSTRAINT ppks_classification_disaster_fkey
        FOREIGN KEY (disaster_id) REFERENCES disaster (id)`);

    // A victim is a person; their household (when known) is kept so victims count in KK too.
    await q.query(`
      CREATE TABLE disaster_victim (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        disaster_id     uuid NOT NULL REFERENCES disaster (id),
        beneficiary_id  uuid NOT NULL REFERENCES beneficiary (id),
        household_id    uuid REFERENCES household (id),
        desa_kode       text NOT NULL REFERENCES wilayah (kode),
        registered_by   uuid REFERENCES app_user (id),
        registered_at   timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT disaster_victim_person_key UNIQUE (disaster_id, beneficiary_id)
      )`);
    // Linking a service to the disaster whose tanggap darurat covers it looks victims up by
    // recipient: the person, or their household.
    await q.query(
      `CREATE INDEX disaster_victim_beneficiary_idx ON disaster_victim (beneficiary_id)`,
    );
    await q.query(
      `CREATE INDEX disaster_victim_household_idx ON disaster_victim (household_id)
       WHERE household_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX disaster_victim_list_idx ON disaster_victim (disaster_id, registered_at, id)`,
    );

    await q.query(`
      CREATE TABLE social_case (
        id                   uuid PRIMARY KEY,
        payload_hash         text NOT NULL,
        case_type            text NOT NULL CHECK (case_type IN (${sqlList(CASE_TYPES)})),
        beneficiary_id       uuid NOT NULL REFERENCES beneficiary (id),
        desa_kode            text NOT NULL REFERENCES wilayah (kode),
        summary              text NOT NULL CHECK (summary <> ''),
        status               text NOT NULL CHECK (status IN (${sqlList(CASE_STATUSES)})),
        assigned_to          uuid REFERENCES app_user (id),
        referred_to          text,
        family_name          text,
        family_relationship  text,
        family_desa_kode     text REFERENCES wilayah (kode),
        family_alamat        text,
        family_contact       text,
        family_found_on      date,
        opened_by            uuid NOT NULL REFERENCES app_user (id),
        version              integer NOT NULL DEFAULT 1,
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT social_case_family_complete
          CHECK ((family_desa_kode IS NULL) = (family_name IS NULL))
      )`);
    await q.query(`CREATE INDEX social_case_beneficiary_idx ON social_case (beneficiary_id)`);
    await q.query(`CREATE INDEX social_case_desa_idx ON social_case (desa_kode text_pattern_ops)`);
    await q.query(
      `CREATE INDEX social_case_assignee_idx ON social_case (assigned_to, created_at DESC, id DESC)
       WHERE assigned_to IS NOT NULL`,
    );
    await q.query(`CREATE INDEX social_case_list_idx ON social_case (created_at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE case_transition (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        case_id      uuid NOT NULL REFERENCES social_case (id),
        from_status  text CHECK (from_status IN (${sqlList(CASE_STATUSES)})),
        to_status    text NOT NULL CHECK (to_status IN (${sqlList(CASE_STATUSES)})),
        note         text NOT NULL CHECK (note <> ''),
        actor_id     uuid REFERENCES app_user (id),
        occurred_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX case_transition_case_idx ON case_transition (case_id, id)`);

    await q.query(`
      CREATE TABLE case_document (
        case_id      uuid NOT NULL REFERENCES social_case (id),
        kind         text NOT NULL CHECK (kind IN (${sqlList(CASE_DOCUMENTS)})),
        reference    text,
        issued_by    text NOT NULL CHECK (issued_by <> ''),
        issued_on    date,
        recorded_by  uuid REFERENCES app_user (id),
        recorded_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT case_document_pkey PRIMARY KEY (case_id, kind)
      )`);

    await q.query(`
      CREATE TABLE case_relay_leg (
        id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id                 uuid NOT NULL REFERENCES social_case (id),
        seq                     smallint NOT NULL CHECK (seq >= 1),
        receiving_agency        text NOT NULL CHECK (receiving_agency <> ''),
        receiving_wilayah_kode  text NOT NULL REFERENCES wilayah (kode),
        handed_over_on          date NOT NULL,
        note                    text,
        recorded_by             uuid REFERENCES app_user (id),
        recorded_at             timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT case_relay_leg_seq_key UNIQUE (case_id, seq)
      )`);

    await q.query(`
      CREATE TABLE service_event (
        id                 uuid PRIMARY KEY,
        payload_hash       text NOT NULL,
        service_type       text NOT NULL REFERENCES service_type (kode),
        beneficiary_id     uuid REFERENCES beneficiary (id),
        household_id       uuid REFERENCES household (id),
        sub_kegiatan_kode  text REFERENCES nomenclature (kode),
        event_date         date NOT NULL,
        quantity           numeric(14, 3) NOT NULL DEFAULT 1 CHECK (quantity > 0),
        unit               text,
        amount             bigint NOT NULL DEFAULT 0 CHECK (amount >= 0),
        desa_kode          text NOT NULL REFERENCES wilayah (kode),
        recorded_by        uuid NOT NULL REFERENCES app_user (id),
        recorded_at        timestamptz NOT NULL DEFAULT now(),
        case_id            uuid REFERENCES social_case (id),
        disaster_id        uuid REFERENCES disaster (id),
        notes              text,
        location_lat       double precision CHECK (location_lat BETWEEN -90 AND 90),
        location_lon       double precision CHECK (location_lon BETWEEN -180 AND 180),
        voided_at          timestamptz,
        voided_by          uuid REFERENCES app_user (id),
        void_reason        text,
        CONSTRAINT service_event_one_recipient CHECK (num_nonnulls(beneficiary_id, household_id) = 1),
        CONSTRAINT service_event_funded
          CHECK (sub_kegiatan_kode IS NOT NULL OR service_type = 'KUNJUNGAN'),
        CONSTRAINT service_event_location_pair CHECK ((location_lat IS NULL) = (location_lon IS NULL)),
        CONSTRAINT service_event_void_complete
          CHECK (num_nulls(voided_at, voided_by, void_reason) IN (0, 3))
      )`);
    // Lists are ordered newest first by (event_date, id): both never change, so cursors are stable.
    await q.query(
      `CREATE INDEX service_event_list_idx ON service_event (event_date DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX service_event_beneficiary_idx ON service_event (beneficiary_id, event_date DESC, id DESC)
       WHERE beneficiary_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX service_event_household_idx ON service_event (household_id, event_date DESC, id DESC)
       WHERE household_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX service_event_sub_kegiatan_idx ON service_event (sub_kegiatan_kode, event_date DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX service_event_recorder_idx ON service_event (recorded_by, event_date DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX service_event_desa_idx ON service_event (desa_kode text_pattern_ops)`,
    );
    await q.query(
      `CREATE INDEX service_event_case_idx ON service_event (case_id) WHERE case_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX service_event_disaster_idx ON service_event (disaster_id) WHERE disaster_id IS NOT NULL`,
    );
    // Corrections are a void plus a new event, never an edit: the table refuses DELETE, and an
    // UPDATE may only void a live event (once) or move it to the survivor of a registry merge.
    await q.query(`
      CREATE FUNCTION service_event_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        mutable constant text[] := ARRAY['voided_at', 'voided_by', 'void_reason', 'beneficiary_id', 'household_id'];
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'service_event rows are never deleted; void them instead'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF (to_jsonb(NEW) - mutable) IS DISTINCT FROM (to_jsonb(OLD) - mutable) THEN
          RAISE EXCEPTION 'service_event rows are never edited; void and record a new one'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.voided_at IS NOT NULL AND (NEW.voided_at, NEW.voided_by, NEW.void_reason)
             IS DISTINCT FROM (OLD.voided_at, OLD.voided_by, OLD.void_reason) THEN
          RAISE EXCEPTION 'a void is final' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER service_event_append_only BEFORE UPDATE OR DELETE ON service_event
      FOR EACH ROW EXECUTE FUNCTION service_event_guard()`);

    // The transactional outbox: every write that changes figures adds one row in its own
    // transaction; the roll-up drains it in id order (FOR UPDATE SKIP LOCKED) and deletes.
    await q.query(`
      CREATE TABLE outbox (
        id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        topic         text NOT NULL,
        aggregate_id  uuid NOT NULL,
        event_year    smallint,
        payload       jsonb NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX outbox_topic_idx ON outbox (topic, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox`);
    await q.query(`DROP TABLE service_event`);
    await q.query(`DROP FUNCTION service_event_guard()`);
    await q.query(`DROP TABLE case_relay_leg`);
    await q.query(`DROP TABLE case_document`);
    await q.query(`DROP TABLE case_transition`);
    await q.query(`DROP TABLE social_case`);
    await q.query(`DROP TABLE disaster_victim`);
    await q.query(
      `ALTER TABLE ppks_classification DROP CONSTRAINT ppks_classification_disaster_fkey`,
    );
    await q.query(`DROP TABLE disaster`);
  }
}
