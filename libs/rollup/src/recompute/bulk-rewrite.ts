import type { EntityManager } from 'typeorm';

/** An index of a table, as it was defined, to create again. */
interface IndexDefinition {
  name: string;
  /** `ALTER TABLE … ADD CONSTRAINT …` for a primary key or unique constraint, else CREATE INDEX. */
  create: string;
  drop: string;
}

/**
 * Empties `table` and runs `fill` with its indexes dropped, then builds them again from the rows,
 * all in `m`'s transaction (a failure rolls the table back whole, indexes included). Building an
 * index from a sort of the rows costs a fraction of adding millions of entries one by one — a
 * year of facts (2.7M rows): indexes maintained row by row added 9.5 s to the COPY, built
 * afterwards 3.3 s. The indexes are read back from the catalog, so they are the migrations'.
 *
 * TRUNCATE and DROP INDEX lock the table exclusively until the commit: only for a table nobody
 * else reads while `m` holds its locks (a derived table under the rebuild lock).
 */
export async function rewriteWithIndexesAfter(
  m: EntityManager,
  table: string,
  fill: () => Promise<void>,
): Promise<void> {
  const indexes = await indexesOf(m, table);
  await m.query(`TRUNCATE ${table}`);
  for (const index of indexes) await m.query(index.drop);
  await fill();
  // Each index sorted on every core, with the memory a rebuild's sorts have (session.ts).
  await m.query(`SET LOCAL maintenance_work_mem = '1GB'`);
  for (const index of indexes) await m.query(index.create);
}

async function indexesOf(m: EntityManager, table: string): Promise<IndexDefinition[]> {
  const rows: { name: string; constraint_def: string | null; index_def: string }[] = await m.query(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS index_def,
              pg_get_constraintdef(c.oid) AS constraint_def
       FROM pg_index i
       LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid
       WHERE i.indrelid = $1::regclass
       ORDER BY c.oid IS NULL, name`,
    [table],
  );
  return rows.map((r) =>
    r.constraint_def
      ? {
          name: r.name,
          create: `ALTER TABLE ${table} ADD CONSTRAINT ${r.name} ${r.constraint_def}`,
          drop: `ALTER TABLE ${table} DROP CONSTRAINT ${r.name}`,
        }
      : { name: r.name, create: r.index_def, drop: `DROP INDEX ${r.name}` },
  );
}
