/* Seed CLI: `npm run db:seed`. Safe to run any number of times. */
import { AppConfig, createDataSource } from '@pilar/core';
import { seedReferenceData } from './seed-reference-data';

async function main(): Promise<void> {
  const config = AppConfig.load();
  const dataSource = createDataSource(config.databaseUrl);
  await dataSource.initialize();
  try {
    const started = Date.now();
    const report = await seedReferenceData(dataSource, config.admin);
    for (const [what, { inserted, updated }] of Object.entries(report)) {
      console.log(`${what.padEnd(14)} inserted ${inserted}, updated ${updated}`);
    }
    if (!config.admin) console.log('ADMIN_USERNAME/ADMIN_PASSWORD unset: no admin account seeded.');
    console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
