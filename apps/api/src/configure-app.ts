import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { bodyParsing, requestContextMiddleware } from '@pilar/core';
import { Logger } from 'nestjs-pino';

export const API_PREFIX = 'api/v1';

/** Options for NestFactory.create / createNestApplication, in main.ts and tests alike. */
export const NEST_APP_OPTIONS = { bufferLogs: true, bodyParser: false } as const;

/**
 * Everything main.ts does to the app besides listening, shared with the e2e tests so they
 * exercise the same stack: request ids, logging, prefix, body limits, OpenAPI.
 */
export function configureApp(app: NestExpressApplication): INestApplication {
  app.use(requestContextMiddleware);
  app.useLogger(app.get(Logger));
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.disable('x-powered-by');
  // No ETag: express hashes every response body for it (0.8 % of the API's CPU recording
  // service events), and the contract (api.md) offers no conditional requests to use it.
  app.set('etag', false);
  // Nest's own parser is off (see NEST_APP_OPTIONS): ours answers bad bodies as problem+json.
  app.use(...bodyParsing('5mb'));
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
    ],
  });
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Pilar API')
      .setDescription(
        'Case management and PPKS registry for a Dinas Sosial. Errors are application/problem+json; ' +
          'lists take ?limit=&cursor= and answer {items, nextCursor}.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
    {
      operationIdFactory: (controller, method) =>
        `${controller.replace(/Controller$/, '')}_${method}`,
    },
  );
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    useGlobalPrefix: false,
  });
  return app;
}
