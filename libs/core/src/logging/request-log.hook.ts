import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { PinoLogger } from 'nestjs-pino';

/** Probes answer every few seconds; their lines would drown the requests people make. */
const UNLOGGED = /^\/health\b/;

/**
 * An onResponse hook: one line per answered request on the root logger, in pino-http's shape —
 * `req` (id, method, path), `res` (statusCode), `responseTime` (ms) — "request errored" at error
 * level for a 5xx, "request completed" at info otherwise. The request id is on every other line
 * of the request too (the logger's mixin reads RequestContext).
 *
 * Why not pino-http's middleware: it built two child loggers for every request, redacting the
 * request into each even when their level was off — about a tenth of the API's CPU profile on
 * POST /service-events under 32 clients. Here nothing is built unless it is written.
 */
export function requestLogHook(
  req: FastifyRequest,
  reply: FastifyReply,
  done: HookHandlerDoneFunction,
): void {
  const logger = PinoLogger.root;
  const failed = reply.statusCode >= 500;
  const level = failed ? 'error' : 'info';
  if (logger?.isLevelEnabled(level) && !UNLOGGED.test(req.url)) {
    logger[level](
      {
        req: { id: req.id, method: req.method, url: req.url },
        // The answer itself: pino-http's serializer reads its status and headers once sent.
        res: reply.raw,
        responseTime: Math.round(reply.elapsedTime),
      },
      failed ? 'request errored' : 'request completed',
    );
  }
  done();
}
