import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { HttpStatus } from '@nestjs/common';
import busboy from 'busboy';
import { DomainError, ValidationFailed } from '../errors/domain-error';

export class UploadTooLarge extends DomainError {
  constructor(maxBytes: number) {
    super(
      'PAYLOAD_TOO_LARGE',
      HttpStatus.PAYLOAD_TOO_LARGE,
      `The file is larger than the ${Math.floor(maxBytes / (1024 * 1024))} MiB limit.`,
    );
  }
}

/**
 * Streams the single multipart field `file` of a request into `sink`, without buffering the
 * whole file. Rejects a missing file (400) and an oversized one (413). `req` is the raw Node
 * request, its body unread (registerBodyParsing leaves multipart bodies alone).
 */
export function receiveFileUpload<T>(
  req: IncomingMessage,
  maxBytes: number,
  sink: (file: Readable, info: { filename: string; mimeType: string }) => Promise<T>,
): Promise<T> {
  const contentType = req.headers['content-type'] ?? '';
  if (!contentType.startsWith('multipart/form-data')) {
    return Promise.reject(
      ValidationFailed.field(
        'file',
        'send the file as multipart/form-data in a field named "file"',
      ),
    );
  }
  return new Promise<T>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: maxBytes } });
    } catch {
      reject(ValidationFailed.field('file', 'the multipart body could not be parsed'));
      return;
    }
    let handled: Promise<T> | null = null;
    let tooLarge = false;
    parser.on('file', (field: string, file: Readable, info: busboy.FileInfo) => {
      if (field !== 'file' || handled) {
        file.resume();
        return;
      }
      file.on('limit', () => {
        tooLarge = true;
      });
      handled = sink(file, { filename: info.filename ?? 'upload.csv', mimeType: info.mimeType });
    });
    parser.on('error', () =>
      reject(ValidationFailed.field('file', 'the multipart body is malformed')),
    );
    parser.on('close', () => {
      if (!handled) {
        reject(ValidationFailed.field('file', 'no file was sent in the field "file"'));
        return;
      }
      handled.then(
        (result) => (tooLarge ? reject(new UploadTooLarge(maxBytes)) : resolve(result)),
        (err: unknown) =>
          reject(
            tooLarge
              ? new UploadTooLarge(maxBytes)
              : err instanceof Error
                ? err
                : new Error(String(err)),
          ),
      );
    });
    req.pipe(parser);
  });
}
