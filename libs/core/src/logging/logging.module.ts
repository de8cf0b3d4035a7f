import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { hostname } from 'node:os';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type pino from 'pino';
import { AppConfig } from '../config/app-config';
import { RequestContext } from '../context/request-context';
import { REDACT_PATHS } from './redaction';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** The request id: the caller's `x-request-id` when it is sane, else a fresh UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** The root logger's options: redaction, bindings and serializers, for the apps and tests. */
export function loggerOptions(level: string): pino.LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    // Bound once on the root logger, never per request.
    base: { pid: process.pid, hostname: hostname(), app: 'pilar' },
    // Each line of a request carries its id, as do a worker job's (RequestContext).
    mixin: () => {
      const requestId = RequestContext.current()?.requestId;
      return requestId ? { requestId } : {};
    },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        // Query strings may carry a NIK (`?nik=`): log the path only.
        url: req.url.split('?')[0],
      }),
    },
  };
}

@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // pino-http builds the root logger (PinoLogger.root) but serves no route: request lines
        // come from requestLogHook, which costs nothing per request when their level is off.
        forRoutes: [],
        pinoHttp: loggerOptions(config.logLevel),
      }),
    }),
  ],
})
export class LoggingModule {}
