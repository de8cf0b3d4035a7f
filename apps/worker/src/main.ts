import { NestFactory } from '@nestjs/core';
import { AppConfig, ConfigError } from '@pilar/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/** The worker: BullMQ processors only, no public port. It never migrates. */
async function bootstrap(): Promise<void> {
  AppConfig.load();
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  console.log('Pilar worker running.');
}

bootstrap().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
