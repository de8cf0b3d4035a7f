/*
 * Demo CLI (`npm run up` runs it after the seed): loads the demo agency — Dinas Sosial Balangan,
 * its social Renja 2022, a few thousand PPKS and a year of services — into an empty database so a
 * newcomer sees real reports at once. A no-op when PILAR_DEMO=false or the database has data.
 */
import { NestFactory } from '@nestjs/core';
import { AppConfig, ConfigError } from '@pilar/core';
import { DemoModule } from './demo/demo.module';
import { DEMO_YEAR, loadDemo } from './demo/load-demo';

async function main(): Promise<void> {
  const config = AppConfig.load();
  if (!config.demo) {
    console.log('PILAR_DEMO=false: no demo agency loaded.');
    return;
  }
  const app = await NestFactory.createApplicationContext(DemoModule, { logger: ['error', 'warn'] });
  try {
    const started = Date.now();
    const outcome = await loadDemo(app);
    if (!outcome.loaded) {
      console.log(`Demo agency not loaded: ${outcome.reason}.`);
      return;
    }
    console.log(
      `Loaded the demo agency (Balangan, Renja ${DEMO_YEAR}): ${outcome.households} households, ` +
        `${outcome.people} people, ${outcome.services} services; figures of ${outcome.years.join(', ')} ` +
        `computed in ${((Date.now() - started) / 1000).toFixed(1)} s. See GET /api/v1/reports/renja?year=${DEMO_YEAR}.`,
    );
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
