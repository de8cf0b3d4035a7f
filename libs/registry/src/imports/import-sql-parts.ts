/** Pieces of the import's SQL shared by households and people. */
import { auditInsertSql } from '@pilar/audit';

/** Who an import writes for: the user who uploaded the file, and their request. */
export interface ImportActor {
  id: string | null;
  role: string | null;
  requestId: string | null;
}

export const actorParams = (actor: ImportActor): (string | null)[] => [
  actor.id,
  actor.role,
  actor.requestId,
];

/**
 * A UUIDv7 (RFC 9562: the time in milliseconds, then random bits) for each record an import
 * creates. A random (v4) id puts every new record at a random place in the primary key's index,
 * and in each index that holds the id (a family's members, the audit log's entity index), so a
 * large import touched a different page of each for nearly every row: inserting 1,000,000 people
 * into the beneficiary table alone took 47.7 s with random ids, 37.1 s with these. Records the API
 * creates one at a time keep the column's default.
 */
export const TIME_ORDERED_ID = `encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
  PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
  FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid`;

/** An audited field: its name in the audit log (as diffFields writes it) and its column. */
export type AuditedColumn = [key: string, column: string];

/**
 * The changes of a created row, as diffFields(null, row) writes them: `{field: {before: null,
 * after}}` for every field that is not null. Written as JSON text and parsed once: nesting
 * jsonb_build_object calls converts each field's object to jsonb and back into the outer one,
 * which cost 0.47 s per 45,000 people against 0.30 s for this. A null value makes its member
 * null, which concat_ws leaves out; to_json quotes and escapes every value.
 */
export function createdChanges(fields: AuditedColumn[], row: string): string {
  const members = fields.map(
    ([key, col]) =>
      `'${JSON.stringify(key)}:{"before":null,"after":' || to_json(${row}.${col}) || '}'`,
  );
  return `('{' || concat_ws(',', ${members.join(', ')}) || '}')::jsonb`;
}

/** The changes between two versions of a row, as diffFields(before, after) writes them. */
export function updatedChanges(fields: AuditedColumn[], before: string, after: string): string {
  const changed = fields.map(
    ([key, col]) =>
      `CASE WHEN ${before}.${col} IS DISTINCT FROM ${after}.${col}
         THEN jsonb_build_object('${key}', jsonb_build_object('before', ${before}.${col}, 'after', ${after}.${col}))
         ELSE '{}'::jsonb END`,
  );
  return `NULLIF(${changed.join(' || ')}, '{}'::jsonb)`;
}

/**
 * How an import updates one column of a known record: `value(src, cur)` is the new value from
 * the staged row `src` and the current row `cur`.
 */
export type ColumnUpdate = [column: string, value: (src: string, cur: string) => string];

export const setClause = (updates: ColumnUpdate[], src: string, cur: string): string =>
  updates.map(([col, value]) => `${col} = ${value(src, cur)}`).join(', ');

/** True when applying `updates` would change the row: unchanged rows are not written. */
export const changedClause = (updates: ColumnUpdate[], src: string, cur: string): string =>
  `ROW(${updates.map(([col]) => `${cur}.${col}`).join(', ')}) IS DISTINCT FROM
   ROW(${updates.map(([, value]) => value(src, cur)).join(', ')})`;

/**
 * One batch of an import as a single statement: upsert the staged rows of `src` (named like the
 * columns of `table`) into `table`, writing only rows that change, audit each created or updated
 * row with its before/after, and count what was inserted and updated. `current(src, cur)` says
 * which record of the table a staged row is, by the key of `conflict`.
 */
export function auditedUpsertSql(options: {
  table: string;
  src: string;
  columns: string;
  conflict: string;
  current: (src: string, cur: string) => string;
  updates: ColumnUpdate[];
  audited: AuditedColumn[];
}): string {
  const { table, src, updates, audited } = options;
  return `WITH src AS (${src}),
     changed AS (
       -- Rows the table already holds as they are never reach the upsert: ON CONFLICT DO UPDATE
       -- locks the conflicting record, a write, even when its WHERE then leaves it unchanged, so
       -- re-importing a file wrote every record again. Looked up row by row in the key's index
       -- (LIMIT keeps the planner from joining the batch to the whole table instead).
       SELECT src.* FROM src
       LEFT JOIN LATERAL (
         SELECT true AS same FROM ${table} cur
         WHERE ${options.current('src', 'cur')} AND NOT (${changedClause(updates, 'src', 'cur')})
         LIMIT 1
       ) kept ON true
       WHERE kept.same IS NULL
     ),
     up AS (
       INSERT INTO ${table} (id, ${options.columns})
       SELECT ${TIME_ORDERED_ID}, ${options.columns} FROM changed
       ON CONFLICT ${options.conflict} DO UPDATE
         SET ${setClause(updates, 'EXCLUDED', table)},
             version = ${table}.version + 1, updated_at = now()
         WHERE ${changedClause(updates, 'EXCLUDED', table)}
       RETURNING ${table}.*, (xmax = 0) AS inserted
     ), created AS (
       ${auditInsertSql({
         action: `'${table}.create'`,
         entity: table,
         entityId: 'up.id',
         changes: createdChanges(audited, 'up'),
         fromClause: 'FROM up WHERE up.inserted',
       })}
     ), updated AS (
       ${auditInsertSql({
         action: `'${table}.update'`,
         entity: table,
         entityId: 'up.id',
         changes: updatedChanges(audited, 'old', 'up'),
         // The version before this statement (every part of it reads the same snapshot), looked
         // up by primary key row by row (OFFSET 0 keeps the planner from turning the lookups
         // into a join that reads the whole table), for updated rows only.
         fromClause: `FROM up CROSS JOIN LATERAL (
                        SELECT * FROM ${table} t WHERE t.id = up.id OFFSET 0
                      ) old
                      WHERE NOT up.inserted`,
       })}
     )
     SELECT count(*) FILTER (WHERE inserted)::int AS inserted,
            count(*) FILTER (WHERE NOT inserted)::int AS updated
     FROM up`;
}
