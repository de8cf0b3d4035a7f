import type { NextFunction, Request, Response } from 'express';
import { requestIdOf } from '../logging/logging.module';
import { RequestContext } from './request-context';

/** Gives every request an id (echoed as x-request-id) and an async context for audit/logs. */
export function requestContextMiddleware(req: Request, res: Response, next: NextFunction): void {
  const requestId = requestIdOf(req);
  (req as Request & { id?: string }).id = requestId;
  res.setHeader('x-request-id', requestId);
  RequestContext.run({ requestId, ip: req.ip }, next);
}
