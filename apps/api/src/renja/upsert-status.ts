import { HttpStatus } from '@nestjs/common';
import type { UpsertOutcome } from '@pilar/planning';
import type { Response } from 'express';

/** PUT answers 201 when it created the resource and 200 when it changed (or kept) it. */
export function setUpsertStatus(res: Response, outcome: UpsertOutcome): void {
  res.status(outcome === 'created' ? HttpStatus.CREATED : HttpStatus.OK);
}
