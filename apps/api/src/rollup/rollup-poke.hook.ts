import type { RollupTrigger } from '@pilar/rollup';
import type { onSendHookHandler } from 'fastify';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes that never change a figure. */
const NO_FIGURES = /^\/api\/v1\/(auth|users|rollup)\b/;

/**
 * After a write request succeeds — its transaction, outbox rows included, has committed — asks
 * the worker to drain the outbox. One light hook for every write path (service events, voids,
 * field sync, PPKS periods, disasters, indicators) instead of a call in each service; the
 * trigger debounces, and never fails or slows the request.
 *
 * A Fastify onSend hook, run as the answer leaves, rather than a Nest interceptor: a global
 * interceptor puts every request, read or write, through rxjs and AsyncResource.bind.
 */
export function rollupPokeHook(trigger: RollupTrigger): onSendHookHandler {
  return (req, reply, payload, done) => {
    if (reply.statusCode < 400 && WRITES.has(req.method) && !NO_FIGURES.test(req.url)) {
      trigger.poke();
    }
    done(null, payload);
  };
}
