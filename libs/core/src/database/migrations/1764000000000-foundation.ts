import { MigrationInterface, QueryRunner } from 'typeorm';

/** Audit log (append-only) and background job runs with their uploads and per-row errors. */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_entry (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at  timestamptz NOT NULL DEFAULT now(),
        actor_id     uuid,
        actor_role   text,
        action       text NOT NULL,
        entity       text NOT NULL,
        entity_id    text NOT NULL,
        changes      jsonb,
        request_id   text,
        ip           text
      )`);
    await q.query(
      `CREATE INDEX audit_entry_entity_idx ON audit_entry (entity, entity_id, occurred_at)`,
    );
    await q.query(`CREATE INDEX audit_entry_actor_idx ON audit_entry (actor_id, occurred_at)`);
    // Append-only: the table refuses UPDATE, DELETE and TRUNCATE from anyone.
    await q.query(`
      CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entry is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry
      FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
      FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only()`);

    await q.query(`
      CREATE TABLE job_run (
        id           uuid PRIMARY KEY,
        name         text NOT NULL,
        status       text NOT NULL DEFAULT 'QUEUED'
                     CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
        progress     smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        counts       jsonb NOT NULL DEFAULT '{}'::jsonb,
        params       jsonb NOT NULL DEFAULT '{}'::jsonb,
        result       jsonb,
        error        text,
        file_name    text,
        file_bytes   bigint,
        created_by   uuid,
        request_id   text,
        created_at   timestamptz NOT NULL DEFAULT now(),
        started_at   timestamptz,
        finished_at  timestamptz
      )`);
    await q.query(`CREATE INDEX job_run_created_by_idx ON job_run (created_by, created_at DESC)`);
    await q.query(`CREATE INDEX job_run_status_idx ON job_run (status, created_at)`);
    await q.query(`
      CREATE TABLE job_row_error (
        job_id      uuid NOT NULL REFERENCES job_run (id) ON DELETE CASCADE,
        row_number  integer NOT NULL,
        field       text,
        reason      text NOT NULL
      )`);
    await q.query(`CREATE INDEX job_row_error_job_idx ON job_row_error (job_id, row_number)`);
    // Uploaded files live in PostgreSQL (Redis carries ids only), in 1 MiB chunks so both the
    // upload and the worker's read stream in constant memory.
    await q.query(`
      CREATE TABLE job_file_chunk (
        job_id  uuid NOT NULL REFERENCES job_run (id) ON DELETE CASCADE,
        seq     integer NOT NULL,
        data    bytea NOT NULL,
        PRIMARY KEY (job_id, seq)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE job_file_chunk`);
    await q.query(`DROP TABLE job_row_error`);
    await q.query(`DROP TABLE job_run`);
    await q.query(`DROP TABLE audit_entry`);
    await q.query(`DROP FUNCTION audit_entry_append_only()`);
  }
}
