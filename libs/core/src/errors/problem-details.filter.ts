import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, FieldError } from './domain-error';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
  requestId?: string;
  [key: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/** Errors of libraries (http-errors and the like) that carry an HTTP status. */
interface StatusError {
  status?: number;
  statusCode?: number;
  expose?: boolean;
}

export function problem(
  status: number,
  code: string,
  detail: string,
  extra: Record<string, unknown> = {},
): ProblemDetails {
  return {
    type: `https://pilar.dinsos.go.id/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...extra,
  };
}

/** Turns any error into an application/problem+json answer; never leaks a stack trace. */
export function toProblem(error: unknown): ProblemDetails | null {
  if (error instanceof DomainError) {
    return problem(error.status, error.code, error.detail, error.extra);
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    const message =
      typeof body === 'string'
        ? body
        : typeof (body as { message?: unknown }).message === 'string'
          ? (body as { message: string }).message
          : error.message;
    const code = (body as { code?: unknown }).code;
    return problem(status, typeof code === 'string' ? code : (CODES[status] ?? 'ERROR'), message);
  }
  const withStatus = error as StatusError;
  const status = withStatus?.status ?? withStatus?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500 && withStatus.expose !== false) {
    return problem(status, CODES[status] ?? 'BAD_REQUEST', (error as Error).message);
  }
  return null;
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<FastifyReply>();
    // Chosen by Fastify (genReqId) before anything else ran, so known for every error.
    const requestId = ctx.getRequest<FastifyRequest>().id;
    let body = toProblem(error);
    if (!body) {
      this.logger.error({ err: error, requestId }, 'Unhandled error');
      body = problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        'INTERNAL_ERROR',
        `An unexpected error occurred. Quote request id ${requestId} when reporting it.`,
      );
    }
    if (res.raw.headersSent) return;
    if (body.status === 429 && typeof body.retryAfterSeconds === 'number') {
      res.header('Retry-After', String(body.retryAfterSeconds));
    }
    // Fastify serialises an object as JSON for any content type naming json.
    void res
      .code(body.status)
      .type('application/problem+json')
      .send({ ...body, requestId });
  }
}
