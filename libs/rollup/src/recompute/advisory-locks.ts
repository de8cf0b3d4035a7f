import type { EntityManager } from 'typeorm';

/**
 * Transaction-scoped advisory locks that make concurrent roll-up work safe. Every transaction
 * takes them in one global order — the rebuild lock, the definitions lock, then recipients, then
 * indicator cells — each group sorted, in a single statement, so two drains can never deadlock.
 *
 * - The rebuild lock: drains hold it shared, a rebuild exclusively, so a rebuild never races a
 *   drain and a drain never sees a half-rebuilt year.
 * - The definitions lock: a drain holds it shared while it moves cells by what recipients
 *   contribute under the indicator definitions it loaded; a drain that restages redefined
 *   indicators whole holds it exclusively. Without it, a drain that loaded the old definition
 *   could add its change on top of totals another drain had just recomputed under the new one.
 * - Recipient locks are exclusive: a recipient's derived rows (facts, memberships, victims) and
 *   contribution are recomputed by one transaction at a time, and the later one reads everything
 *   the earlier committed, so no change is lost or taken out twice. Cells need no lock of their
 *   own: each change is added under the cell row's lock.
 * - Indicator cell locks are exclusive: realisasi cells are derived from all the parts' totals,
 *   which two drains could otherwise each move without seeing the other's.
 *
 * Keys are hashed into a fixed namespace per kind (`pg_advisory_xact_lock(int, int)`); a hash
 * collision only makes two unrelated units wait for each other. Recipients are folded into 1024
 * locks so a big batch never exhausts PostgreSQL's shared lock table.
 */
export enum LockKind {
  Rebuild = 0x524f0001,
  Definitions = 0x524f0004,
  Recipient = 0x524f0002,
  IndicatorCell = 0x524f0003,
}

const RECIPIENT_LOCKS = 1024;

export async function lockForDrain(m: EntityManager): Promise<void> {
  await m.query('SELECT pg_advisory_xact_lock_shared($1, 0)', [LockKind.Rebuild]);
}

export async function lockForRebuild(m: EntityManager): Promise<void> {
  await m.query('SELECT pg_advisory_xact_lock($1, 0)', [LockKind.Rebuild]);
}

/** Before the measure parts are loaded: exclusively when the batch redefines indicators. */
export async function lockDefinitions(m: EntityManager, redefining: boolean): Promise<void> {
  await m.query(
    redefining
      ? 'SELECT pg_advisory_xact_lock($1, 0)'
      : 'SELECT pg_advisory_xact_lock_shared($1, 0)',
    [LockKind.Definitions],
  );
}

/** Locks every key of one kind, in ascending hash order. */
export async function lockKeys(m: EntityManager, kind: LockKind, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  const folded = kind === LockKind.Recipient;
  await m.query(
    `SELECT count(pg_advisory_xact_lock($1, h))
     FROM (
       SELECT DISTINCT CASE WHEN $3 THEN hashtext(k) & ($4 - 1) ELSE hashtext(k) END AS h
       FROM unnest($2::text[]) AS k
       ORDER BY h
     ) AS ordered`,
    [kind, keys, folded, RECIPIENT_LOCKS],
  );
}
