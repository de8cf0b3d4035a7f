import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { problem, toProblem } from './problem-details.filter';

/**
 * Fastify's `frameworkErrors`: a request its router rejects before any route or hook runs (a
 * malformed percent-encoding, an over-long path parameter) is answered as problem+json with
 * its request id, like every other error, not as Fastify's own JSON.
 */
export function answerFrameworkError(
  error: FastifyError,
  req: FastifyRequest,
  reply: FastifyReply,
): void {
  const body = toProblem(error) ?? problem(400, 'BAD_REQUEST', 'The request URL is not valid.');
  void reply
    .header('x-request-id', req.id)
    .code(body.status)
    .type('application/problem+json')
    .send({ ...body, requestId: req.id });
}
