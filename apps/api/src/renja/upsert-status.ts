import { HttpStatus } from '@nestjs/common';
import type { UpsertOutcome } from '@pilar/planning';
import type { FastifyReply } from 'fastify';

/** PUT answers 201 when it created the resource and 200 when it changed (or kept) it. */
export function setUpsertStatus(res: FastifyReply, outcome: UpsertOutcome): void {
  res.status(outcome === 'created' ? HttpStatus.CREATED : HttpStatus.OK);
}
