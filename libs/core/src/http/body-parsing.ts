import type { IncomingMessage } from 'node:http';
import { HttpStatus } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../errors/domain-error';

export class MalformedJson extends DomainError {
  constructor() {
    super('MALFORMED_JSON', HttpStatus.BAD_REQUEST, 'The request body is not valid JSON.');
  }
}

export class BodyTooLarge extends DomainError {
  constructor() {
    super('PAYLOAD_TOO_LARGE', HttpStatus.PAYLOAD_TOO_LARGE, 'The request body is too large.');
  }
}

export class UnsupportedCharset extends DomainError {
  constructor(charset: string) {
    super(
      'UNSUPPORTED_MEDIA_TYPE',
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      `unsupported charset "${charset.toUpperCase()}"`,
    );
  }
}

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)"?/i;

/**
 * The request bodies the API reads. JSON (application/json, up to `limitBytes`) is parsed here,
 * so that its failures are DomainErrors the problem filter answers with a precise code rather
 * than Fastify's generic ones. Every other body is left unread: an upload route streams it from
 * the raw request (./upload.ts), any other route ignores it.
 */
export function registerBodyParsing(fastify: FastifyInstance, limitBytes: number): void {
  // Fastify's own parsers (JSON, text/plain) answer with their own codes and messages.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', (req, payload, done) => {
    const charset = CHARSET.exec(req.headers['content-type'] ?? '')?.[1];
    if (charset && !/^utf-?8$/i.test(charset)) {
      payload.resume();
      done(new UnsupportedCharset(charset));
      return;
    }
    readBody(payload, limitBytes)
      .then(parseJson)
      .then((body) => done(null, body), done);
  });
  fastify.addContentTypeParser('*', (_req, _payload, done) => done(null));
}

/** Strict as Express's parser was: an object or an array, and an empty body reads as {}. */
function parseJson(text: string): unknown {
  if (text.length === 0) return {};
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') throw new MalformedJson();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new MalformedJson();
  }
}

function readBody(payload: IncomingMessage, limitBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(payload.headers['content-length']) > limitBytes) {
      payload.resume();
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (received <= limitBytes) {
        chunks.push(chunk);
        return;
      }
      // Keep draining the rest unread, so the answer still reaches the client.
      payload.off('data', onData);
      payload.resume();
      reject(new BodyTooLarge());
    };
    payload.on('data', onData);
    payload.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    payload.once('error', reject);
  });
}
