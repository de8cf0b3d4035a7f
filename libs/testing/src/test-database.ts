import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig, createDataSource, migrate } from '@pilar/core';
import { Client } from 'pg';

/** Where test databases are created: TEST_DATABASE_URL, or the local server. */
export function testServerUrl(): string {
  return (
    AppConfig.rawEnvironment().TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  );
}

export function databaseUrl(name: string): string {
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Everything that shapes the template: migrations, seeds and their data. */
function schemaFingerprint(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/migrations\/|seed-data\/|\.seed\.ts$|seed-reference-data\.ts$/.test(path)) {
        hash.update(path).update(readFileSync(path));
      }
    }
  };
  walk(join(root, 'libs'));
  walk(join(root, 'apps'));
  return hash.digest('hex').slice(0, 12);
}

/**
 * Builds (once per schema version) a template database with every migration applied and the
 * reference data seeded. Test files clone it, which takes well under a second.
 */
export async function ensureTemplateDatabase(root: string): Promise<string> {
  const name = `pilar_tpl_${schemaFingerprint(root)}`;
  const exists = await withAdmin(
    async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount,
  );
  if (exists) return name;
  // Build under a private name and rename, so concurrent test runs never see a half-built one.
  const building = `${name}_b${process.pid}`;
  await withAdmin((c) =>
    c
      .query(`DROP DATABASE IF EXISTS ${building}`)
      .then(() => c.query(`CREATE DATABASE ${building}`)),
  );
  const url = databaseUrl(building);
  await migrate(url);
  const ds = createDataSource(url);
  await ds.initialize();
  try {
    // Loaded lazily: the seed pulls in every domain library.
    const { seedReferenceData } = await import('@pilar/cli/seed-reference-data');
    await seedReferenceData(ds, null);
  } finally {
    await ds.destroy();
  }
  await withAdmin(async (c) => {
    try {
      await c.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      await c.query(`ALTER DATABASE ${name} WITH IS_TEMPLATE true`);
    } catch {
      await c.query(`DROP DATABASE IF EXISTS ${building}`); // another run built it first
    }
  });
  return name;
}

/** Drops test databases left over by runs that crashed more than an hour ago. */
export async function dropStaleTestDatabases(): Promise<void> {
  const cutoff = Math.floor(Date.now() / 1000) - 3600;
  await withAdmin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'pilar_t\\_%'",
    );
    for (const { datname } of rows) {
      const created = Number(/^pilar_t_(\d+)_/.exec(datname)?.[1] ?? Infinity);
      if (created < cutoff)
        await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => undefined);
    }
  });
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file, cloned from the template. A test needs no commit on disk
 * before its answer (nothing it checks survives a server crash), and where fsync is slow,
 * waiting for it dominates the suite's run time: commits are asynchronous unless `durable` —
 * which benchmarks ask for, to measure commits as production makes them.
 */
export async function createTestDatabase(
  options: { durable?: boolean } = {},
): Promise<TestDatabase> {
  const template = AppConfig.rawEnvironment().PILAR_TEST_TEMPLATE;
  if (!template)
    throw new Error(
      'PILAR_TEST_TEMPLATE is unset: run tests through jest (its globalSetup builds it).',
    );
  const name = `pilar_t_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  await withAdmin(async (c) => {
    await c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    if (!options.durable) await c.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
  });
  return {
    name,
    url: databaseUrl(name),
    drop: () =>
      withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
