import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { hostname } from 'node:os';
import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { RequestContext } from '../context/request-context';
import { REDACT_PATHS } from './redaction';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** The request id: the caller's `x-request-id` when it is sane, else a fresh UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // path-to-regexp 8 syntax for "every route".
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        pinoHttp: {
          level: config.logLevel,
          redact: { paths: REDACT_PATHS, censor: '[redacted]' },
          // Fastify has already chosen the id (genReqId: requestIdOf); middie copies it here.
          genReqId: (req: IncomingMessage) =>
            (req as IncomingMessage & { id?: string }).id ?? requestIdOf(req),
          // Bound once on the root logger, not per request: pino-http builds a child logger for
          // each request's customProps, which costs more than the rest of its per-request work.
          base: { pid: process.pid, hostname: hostname(), app: 'pilar' },
          // Worker jobs run in a RequestContext carrying the id of the request that queued them.
          mixin: () => {
            const requestId = RequestContext.current()?.requestId;
            return requestId ? { requestId } : {};
          },
          autoLogging: {
            // The original URL: middie hands middleware `req.url` with the matched path cut off.
            ignore: (req: IncomingMessage & { originalUrl?: string }) =>
              (req.originalUrl ?? req.url)?.startsWith('/health') ?? false,
          },
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              // Query strings may carry a NIK (`?nik=`): log the path only.
              url: req.url.split('?')[0],
            }),
          },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
