/* Migration CLI: `npm run db:migrate` (or `-- --revert`). The worker and api never migrate. */
import { AppConfig, ensureDatabase, migrate, revertLastMigration } from '@pilar/core';

async function main(): Promise<void> {
  const config = AppConfig.load();
  if (await ensureDatabase(config.databaseUrl)) console.log('Created the database.');
  if (process.argv.includes('--revert')) {
    await revertLastMigration(config.databaseUrl);
    console.log('Reverted the last migration.');
    return;
  }
  const applied = await migrate(config.databaseUrl);
  console.log(
    applied.length ? `Applied ${applied.map((m) => m.name).join(', ')}.` : 'Schema is up to date.',
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
