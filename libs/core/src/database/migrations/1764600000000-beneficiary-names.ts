import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Name search looks names up among the distinct names of the registry instead of among all
 * people. A kabupaten of 1,000,000 people has about 240,000 distinct names, and the common given
 * names (Siti, Muhammad, Nur) repeat thousands of times: the trigram index on every person's
 * name handed back tens of thousands of candidates for one typo'd "Muhamad …", each rechecked on
 * a different page of the wide person table. On `beneficiary_name` the same query rechecks each
 * spelling once, on a narrow table, and the people are then read by name (`beneficiary_name_idx`)
 * in order of similarity, only as many as a page needs.
 *
 * Triggers keep the table a superset of the names in use, whatever writes a person (API, merge,
 * set-based import). A name nobody bears any more stays: it matches no one, and costs one row.
 */
export class BeneficiaryNames1764600000000 implements MigrationInterface {
  name = 'BeneficiaryNames1764600000000';

  async up(q: QueryRunner): Promise<void> {
    // The index on every person's name served only the search, and its upkeep was the largest
    // cost of inserting a person. Its name passes to the index on the distinct names.
    await q.query(`DROP INDEX beneficiary_name_trgm_idx`);
    await q.query(`CREATE TABLE beneficiary_name (name text PRIMARY KEY)`);
    await q.query(`INSERT INTO beneficiary_name (name) SELECT DISTINCT name FROM beneficiary`);
    // A small pending list keeps searches fast between merges (see the registry migration); the
    // import enlarges it for each batch (withBatchSizedNameIndexList).
    await q.query(`
      CREATE INDEX beneficiary_name_trgm_idx ON beneficiary_name USING gin (name gin_trgm_ops)
      WITH (gin_pending_list_limit = 256)`);

    // Imports insert a batch per statement: one set-based insert per statement, names in order so
    // that two writers adding the same new names wait on each other instead of deadlocking.
    await q.query(`
      CREATE FUNCTION beneficiary_name_add_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO beneficiary_name (name)
        SELECT DISTINCT name FROM inserted_people ORDER BY name
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER beneficiary_name_on_insert AFTER INSERT ON beneficiary
      REFERENCING NEW TABLE AS inserted_people
      FOR EACH STATEMENT EXECUTE FUNCTION beneficiary_name_add_inserted()`);
    // Renames are rare and come one at a time; the WHEN clause lets every other update (a
    // re-import, a merge, a version bump) pass without running anything.
    await q.query(`
      CREATE FUNCTION beneficiary_name_add_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO beneficiary_name (name) VALUES (NEW.name) ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER beneficiary_name_on_rename AFTER UPDATE OF name ON beneficiary
      FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
      EXECUTE FUNCTION beneficiary_name_add_renamed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER beneficiary_name_on_rename ON beneficiary`);
    await q.query(`DROP TRIGGER beneficiary_name_on_insert ON beneficiary`);
    await q.query(`DROP FUNCTION beneficiary_name_add_renamed()`);
    await q.query(`DROP FUNCTION beneficiary_name_add_inserted()`);
    await q.query(`DROP TABLE beneficiary_name`);
    await q.query(`
      CREATE INDEX beneficiary_name_trgm_idx ON beneficiary USING gin (name gin_trgm_ops)
      WITH (gin_pending_list_limit = 256)`);
  }
}
