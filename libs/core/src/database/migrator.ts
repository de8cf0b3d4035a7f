import { Client } from 'pg';
import { DataSource, Migration } from 'typeorm';
import { createDataSource } from './data-source';

/** A constant key for pg_advisory_lock: only one migrator runs at a time, across hosts. */
const MIGRATION_LOCK_KEY = 7_165_331_002;

/** Creates the database named in the URL when it does not exist yet. */
export async function ensureDatabase(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    return true;
  } finally {
    await client.end();
  }
}

/** Runs `fn` while holding the migrations advisory lock on its own connection. */
async function withMigrationLock<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const lock = new Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return await fn();
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.end();
  }
}

/** Applies every pending migration, each in its own transaction, under the advisory lock. */
export async function migrate(url: string): Promise<Migration[]> {
  return withMigrationLock(url, async () => {
    const ds: DataSource = createDataSource(url);
    await ds.initialize();
    try {
      return await ds.runMigrations({ transaction: 'each' });
    } finally {
      await ds.destroy();
    }
  });
}

/** Reverts the most recent migration. */
export async function revertLastMigration(url: string): Promise<void> {
  await withMigrationLock(url, async () => {
    const ds = createDataSource(url);
    await ds.initialize();
    try {
      await ds.undoLastMigration({ transaction: 'each' });
    } finally {
      await ds.destroy();
    }
  });
}
