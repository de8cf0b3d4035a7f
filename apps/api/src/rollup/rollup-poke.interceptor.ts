import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { RollupTrigger } from '@pilar/rollup';
import type { FastifyRequest } from 'fastify';
import { Observable, tap } from 'rxjs';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes that never change a figure. */
const NO_FIGURES = /^\/api\/v1\/(auth|users|rollup)\b/;

/**
 * After a write request succeeds — its transaction, outbox rows included, has committed — asks
 * the worker to drain the outbox. One light hook for every write path (service events, voids,
 * field sync, PPKS periods, disasters, indicators) instead of a call in each service; the
 * trigger debounces, and never fails or slows the request.
 */
@Injectable()
export class RollupPokeInterceptor implements NestInterceptor {
  constructor(private readonly trigger: RollupTrigger) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    if (!WRITES.has(req.method) || NO_FIGURES.test(req.url)) return next.handle();
    return next.handle().pipe(tap(() => this.trigger.poke()));
  }
}
