import { Writable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import pinoHttp from 'pino-http';
import { loggerOptions } from './logging.module';
import { requestLogHook } from './request-log.hook';

describe('requestLogHook', () => {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });

  beforeAll(() => {
    // As nestjs-pino builds it: pino-http's logger, with pino-http's serializers around ours.
    const root = pinoHttp(loggerOptions('info'), sink).logger;
    Object.assign(PinoLogger, { root });
  });
  beforeEach(() => (lines.length = 0));

  const answer = (url: string, statusCode: number): void => {
    const done = jest.fn();
    requestLogHook(
      { id: 'req-1', method: 'POST', url } as FastifyRequest,
      {
        statusCode,
        elapsedTime: 12.6,
        raw: { statusCode, headersSent: true, getHeaders: () => ({ 'x-request-id': 'req-1' }) },
      } as unknown as FastifyReply,
      done,
    );
    expect(done).toHaveBeenCalledTimes(1);
  };

  it('writes a 5xx as "request errored" at error level', () => {
    answer('/api/v1/service-events', 503);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        msg: 'request errored',
        req: { id: 'req-1', method: 'POST', url: '/api/v1/service-events' },
        res: { statusCode: 503, headers: { 'x-request-id': 'req-1' } },
        responseTime: 13,
      }),
    ]);
  });

  it('writes the path without its query string, which may carry a NIK', () => {
    answer('/api/v1/beneficiaries?nik=6311065708470001', 200);
    expect(JSON.stringify(lines)).not.toContain('6311065708470001');
    expect(lines[0]).toMatchObject({ level: 30, msg: 'request completed' });
  });
});
