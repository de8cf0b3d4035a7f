import type { Pool, PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** PostgreSQL error codes Pilar reacts to. */
export const PgError = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  serializationFailure: '40001',
} as const;

export function pgErrorCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

export function pgConstraint(error: unknown): string | undefined {
  const e = error as { constraint?: unknown; driverError?: { constraint?: unknown } };
  const c = e?.driverError?.constraint ?? e?.constraint;
  return typeof c === 'string' ? c : undefined;
}

/**
 * Runs `fn` with a raw pg client (for COPY and other bulk work) inside a transaction that
 * TypeORM also sees through `manager`.
 */
export async function withRawClient<T>(
  dataSource: DataSource,
  fn: (client: PoolClient, manager: EntityManager) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  await runner.startTransaction();
  try {
    const result = await fn(client, runner.manager);
    await runner.commitTransaction();
    return result;
  } catch (err) {
    await runner.rollbackTransaction();
    throw err;
  } finally {
    await runner.release();
  }
}

/** A statement run on every request of a hot path; `name` must be unique in the process. */
export interface PreparedStatement {
  name: string;
  text: string;
}

/**
 * Runs `statement` on its own (autocommit) on a connection of the DataSource's pool, as a named
 * prepared statement: each connection parses it once and PostgreSQL reuses its plan, instead of
 * planning it again on every call as it does for TypeORM's unnamed queries.
 */
export async function queryPrepared<R>(
  dataSource: DataSource,
  statement: PreparedStatement,
  values: unknown[],
): Promise<R[]> {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const { rows } = await pool.query({ name: statement.name, text: statement.text, values });
  return rows as R[];
}
