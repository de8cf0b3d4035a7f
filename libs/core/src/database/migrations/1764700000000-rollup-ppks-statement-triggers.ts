import { MigrationInterface, QueryRunner } from 'typeorm';

/** One outbox row per classification of `rows` (a transition table), as rollup_note writes it. */
const noteEach = (rows: string): string => `
  INSERT INTO outbox (topic, aggregate_id, event_year, payload)
  SELECT 'rollup.ppks-classification', c.id, NULL, jsonb_strip_nulls(jsonb_build_object(
           'beneficiaryId', c.beneficiary_id, 'householdId', c.household_id,
           'disasterId', c.disaster_id))
  FROM ${rows} c`;

/**
 * The PPKS classifications note their changes for the roll-up once per statement instead of once
 * per row: the same outbox rows, in the same transaction, written by one set-based insert from
 * the statement's transition tables. A bulk import adds tens of thousands of periods per
 * statement, and the row trigger (a PL/pgSQL call and a single-row insert for each) cost about
 * 250 ms per batch of 45,000 people. Every write path still goes through the triggers.
 */
export class RollupPpksStatementTriggers1764700000000 implements MigrationInterface {
  name = 'RollupPpksStatementTriggers1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER rollup_ppks_classification_update ON ppks_classification`);
    await q.query(`DROP TRIGGER rollup_ppks_classification_insert_delete ON ppks_classification`);
    await q.query(`DROP FUNCTION rollup_ppks_classification_changed()`);

    // A period added or deleted.
    const addedOrDeleted = [
      ['INSERT', 'NEW', 'added'],
      ['DELETE', 'OLD', 'deleted'],
    ] as const;
    for (const [event, transition, what] of addedOrDeleted) {
      await q.query(`
        CREATE FUNCTION rollup_ppks_classifications_${what}() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
          ${noteEach(`${what}_classifications`)};
          RETURN NULL;
        END $$`);
      await q.query(`
        CREATE TRIGGER rollup_ppks_classification_${event.toLowerCase()}
        AFTER ${event} ON ppks_classification
        REFERENCING ${transition} TABLE AS ${what}_classifications
        FOR EACH STATEMENT EXECUTE FUNCTION rollup_ppks_classifications_${what}()`);
    }

    // A period ended, moved to another holder, rejected, or tied to a disaster: the holder it now
    // has, and the one it had if that changed. Updates that change none of the figures' inputs
    // (a review note, a timestamp) note nothing, as the row trigger's WHEN clause did.
    await q.query(`
      CREATE FUNCTION rollup_ppks_classifications_updated() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        WITH changed AS (
          SELECT n.*, o.beneficiary_id AS old_beneficiary_id, o.household_id AS old_household_id,
                 o.disaster_id AS old_disaster_id
          FROM new_classifications n JOIN old_classifications o ON o.id = n.id
          WHERE (o.beneficiary_id, o.household_id, o.ppks_kode, o.since, o.until, o.terlantar,
                 o.verification, o.disaster_id)
                IS DISTINCT FROM
                (n.beneficiary_id, n.household_id, n.ppks_kode, n.since, n.until, n.terlantar,
                 n.verification, n.disaster_id)
        ), noted AS (
          SELECT id, beneficiary_id, household_id, disaster_id FROM changed
          UNION ALL
          SELECT id, old_beneficiary_id, old_household_id, old_disaster_id FROM changed
          WHERE (old_beneficiary_id, old_household_id, old_disaster_id)
                IS DISTINCT FROM (beneficiary_id, household_id, disaster_id)
        )
        ${noteEach('noted')};
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER rollup_ppks_classification_update AFTER UPDATE ON ppks_classification
      REFERENCING OLD TABLE AS old_classifications NEW TABLE AS new_classifications
      FOR EACH STATEMENT EXECUTE FUNCTION rollup_ppks_classifications_updated()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER rollup_ppks_classification_update ON ppks_classification`);
    await q.query(`DROP TRIGGER rollup_ppks_classification_delete ON ppks_classification`);
    await q.query(`DROP TRIGGER rollup_ppks_classification_insert ON ppks_classification`);
    await q.query(`DROP FUNCTION rollup_ppks_classifications_updated()`);
    await q.query(`DROP FUNCTION rollup_ppks_classifications_deleted()`);
    await q.query(`DROP FUNCTION rollup_ppks_classifications_added()`);
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
  }
}
