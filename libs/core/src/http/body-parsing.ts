import express, { ErrorRequestHandler, RequestHandler } from 'express';
import { RequestContext } from '../context/request-context';
import { toProblem } from '../errors/problem-details.filter';

/**
 * JSON body parsing whose failures (malformed JSON, too large, bad charset) are answered as
 * problem+json with a precise code, before any route runs.
 */
export function bodyParsing(limit: string): (RequestHandler | ErrorRequestHandler)[] {
  const onError: ErrorRequestHandler = (err, _req, res, next) => {
    const body = toProblem(err);
    if (!body) {
      next(err);
      return;
    }
    res
      .status(body.status)
      .type('application/problem+json')
      .json({ ...body, requestId: RequestContext.current()?.requestId });
  };
  return [express.json({ limit }), onError];
}
