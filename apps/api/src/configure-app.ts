import { INestApplication, RequestMethod } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import {
  answerFrameworkError,
  registerBodyParsing,
  requestContextHook,
  requestIdOf,
  requestLogHook,
} from '@pilar/core';
import { RollupTrigger } from '@pilar/rollup';
import { Logger } from 'nestjs-pino';
import { rollupPokeHook } from './rollup/rollup-poke.hook';

export const API_PREFIX = 'api/v1';

const BODY_LIMIT_BYTES = 5 * 1024 * 1024;

/** Options for NestFactory.create / createNestApplication, in main.ts and tests alike. */
export const NEST_APP_OPTIONS = { bufferLogs: true, bodyParser: false } as const;

/**
 * The HTTP server under Nest, for main.ts and tests alike. Fastify rather than Express: it
 * costs less CPU per request. It sends no X-Powered-By and no ETag (the contract, api.md,
 * offers no conditional requests).
 */
export function createHttpAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    trustProxy: 'loopback,linklocal,uniquelocal',
    genReqId: requestIdOf,
    frameworkErrors: answerFrameworkError,
    // Paths match as they did on Express: any letter case, with or without a trailing slash.
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true },
    // Request lines come from requestLogHook on Nest's pino logger; Fastify's own stays off.
    logger: false,
  });
}

/**
 * Everything main.ts does to the app besides listening, shared with the e2e tests so they
 * exercise the same stack: request ids, logging, body limits, roll-up pokes, prefix, OpenAPI.
 */
export function configureApp(app: NestFastifyApplication): INestApplication {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', requestContextHook);
  fastify.addHook('onResponse', requestLogHook);
  // Nest's own parser is off (see NEST_APP_OPTIONS): ours answers bad bodies as problem+json.
  registerBodyParsing(fastify, BODY_LIMIT_BYTES);
  fastify.addHook('onSend', rollupPokeHook(app.get(RollupTrigger)));
  app.useLogger(app.get(Logger));
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
