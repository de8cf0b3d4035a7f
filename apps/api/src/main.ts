import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, ConfigError } from '@pilar/core';
import { ApiModule } from './api.module';
import { configureApp, NEST_APP_OPTIONS } from './configure-app';

async function bootstrap(): Promise<void> {
  // Validate the environment before anything connects, so a bad variable is named plainly.
  const config = AppConfig.load();
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, NEST_APP_OPTIONS);
  configureApp(app);
  await app.listen(config.port);
  const url = `http://localhost:${config.port}`;
  console.log(`Pilar API listening on ${url} — OpenAPI docs at ${url}/docs`);
}

bootstrap().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
