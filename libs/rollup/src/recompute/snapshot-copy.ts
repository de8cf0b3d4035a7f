import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { tuneForRollup } from './session';

/**
 * A second connection that sees exactly what the rebuild's transaction saw when it opened it (the
 * transaction's exported snapshot), and streams the result of a heavy query into a table of that
 * transaction. PostgreSQL never plans the SELECT of an INSERT … SELECT in parallel, but it does
 * plan the query of a COPY … TO in parallel: the aggregation runs on every core, and the rows are
 * still written by the rebuild's transaction (one commit, or none).
 *
 * The reader sees nothing the rebuild's transaction writes: only queries over the records (never
 * over the derived tables being rewritten) may be read through it.
 */
export class SnapshotReader {
  private constructor(
    private readonly client: PoolClient,
    private readonly release: (err?: Error) => void,
  ) {}

  /**
   * Runs `work` with a reader of `m`'s transaction as it is now, then closes the reader (and on
   * a failure, its connection: a half-read COPY leaves it unusable).
   */
  static async using<T>(
    dataSource: DataSource,
    m: EntityManager,
    work: (reader: SnapshotReader) => Promise<T>,
  ): Promise<T> {
    const reader = await SnapshotReader.open(dataSource, m);
    let result: T;
    try {
      result = await work(reader);
    } catch (err) {
      await reader.close(err as Error);
      throw err;
    }
    await reader.close();
    return result;
  }

  private static async open(dataSource: DataSource, m: EntityManager): Promise<SnapshotReader> {
    const [{ snapshot }]: { snapshot: string }[] = await m.query(
      'SELECT pg_export_snapshot() AS snapshot',
    );
    const driver = dataSource.driver as PostgresDriver;
    const [client, release] = (await driver.obtainMasterConnection()) as [
      PoolClient,
      (err?: Error) => void,
    ];
    const reader = new SnapshotReader(client, release);
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await client.query(`SET TRANSACTION SNAPSHOT '${snapshot}'`);
      await tuneForRollup(client, 'everyone');
    } catch (err) {
      await reader.close(err as Error);
      throw err;
    }
    return reader;
  }

  /**
   * Streams `select` (its parameters written in as literals: COPY takes none) into `columns` of
   * `table`, through the rebuild's connection `m`, in binary (no text to print and parse again
   * for every number and array). The pipe holds a few chunks at a time: the reader's socket is
   * paused while the writer catches up.
   */
  async copyInto(
    m: EntityManager,
    table: string,
    columns: string,
    select: string,
    params: SqlLiteral[],
  ): Promise<void> {
    const writer = (await m.queryRunner!.connect()) as PoolClient;
    const query = withLiterals(select, params, (v) => this.client.escapeLiteral(v));
    await pipeline(
      this.client.query(copyTo(`COPY (${query}) TO STDOUT (FORMAT binary)`)),
      writer.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN (FORMAT binary)`)),
    );
  }

  /** Ends the reader's transaction; after a failure the connection is closed, not reused. */
  private async close(failure?: Error): Promise<void> {
    if (failure) return this.release(failure);
    try {
      await this.client.query('COMMIT');
      this.release();
    } catch (err) {
      this.release(err as Error);
    }
  }
}

/** What a query parameter written in as a literal may be. */
export type SqlLiteral = string | number | null | readonly (string | number)[];

/**
 * `sql` with each `$n` replaced by parameter n as a quoted literal (arrays in PostgreSQL's array
 * syntax). The query casts each parameter where it is used, as it does for a bound one.
 */
function withLiterals(sql: string, params: SqlLiteral[], quote: (v: string) => string): string {
  const literal = (v: SqlLiteral | undefined): string => {
    if (v === null || v === undefined) return 'NULL';
    if (typeof v === 'object') return quote(`{${v.map((x) => `"${x}"`).join(',')}}`);
    return quote(String(v));
  };
  return sql.replace(/\$(\d+)/g, (_, n: string) => literal(params[Number(n) - 1]));
}
