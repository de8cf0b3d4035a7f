import cluster from 'node:cluster';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, ConfigError } from '@pilar/core';
import { ApiModule } from './api.module';
import { superviseApi } from './cluster';
import { configureApp, createHttpAdapter, NEST_APP_OPTIONS } from './configure-app';

async function bootstrap(): Promise<void> {
  // Validate the environment before anything connects, so a bad variable is named plainly.
  const config = AppConfig.load();
  const url = `http://localhost:${config.port}`;
  const processes = config.apiProcesses;
  const ready = (): void =>
    console.log(
      `Pilar API listening on ${url} (${processes} process${processes > 1 ? 'es' : ''}) — ` +
        `OpenAPI docs at ${url}/docs`,
    );
  // Several processes: this one only supervises (./cluster.ts); the workers run the code below.
  if (cluster.isPrimary && processes > 1) return superviseApi(processes, ready);

  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule,
    createHttpAdapter(),
    NEST_APP_OPTIONS,
  );
  configureApp(app);
  // Every interface, IPv6 and IPv4, as on Express (Node's default); Fastify's is localhost only.
  await app.listen(config.port, '::');
  if (cluster.isPrimary) ready();
}

bootstrap().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
