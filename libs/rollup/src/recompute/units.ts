/**
 * Whose contributions to compute: those of these recipients (people and households, by id), or
 * (null) everyone's — a rebuild. Passed as a `uuid[]` parameter; `whose(column, param)` is the
 * condition that keeps a row of one of them (an index condition on `column`, or nothing).
 */
export type UnitScope = string[] | null;

export const whose = (column: string, param: string): string =>
  `(${param}::uuid[] IS NULL OR ${column} = ANY (${param}::uuid[]))`;
