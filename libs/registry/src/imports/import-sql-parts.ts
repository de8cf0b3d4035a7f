/** Pieces of the import's SQL shared by households and people. */

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

/** An audited field: its name in the audit log (as diffFields writes it) and its column. */
export type AuditedColumn = [key: string, column: string];

/**
 * The changes of a created row, as diffFields(null, row) writes them: `{field: {before: null,
 * after}}` for every field that is not null. (One object built and null keys removed: building
 * it key by key costs several times more at an import's scale.)
 */
export function createdChanges(fields: AuditedColumn[], row: string): string {
  const all = fields.map(
    ([key, col]) => `'${key}', jsonb_build_object('before', NULL, 'after', ${row}.${col})`,
  );
  const nulls = fields.map(([key, col]) => `CASE WHEN ${row}.${col} IS NULL THEN '${key}' END`);
  return `(jsonb_build_object(${all.join(', ')}) - ARRAY[${nulls.join(', ')}]::text[])`;
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
