import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { RequestContext } from './request-context';

/**
 * The first onRequest hook: echoes the request id (chosen by Fastify's genReqId, see
 * requestIdOf) as x-request-id and runs the rest of the request in an async context for audit
 * and logs.
 */
export function requestContextHook(
  req: FastifyRequest,
  reply: FastifyReply,
  done: HookHandlerDoneFunction,
): void {
  reply.header('x-request-id', req.id);
  RequestContext.run({ requestId: req.id, ip: req.ip }, done);
}
