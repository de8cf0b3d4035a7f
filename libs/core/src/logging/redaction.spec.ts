import { Writable } from 'node:stream';
import pino from 'pino';
import { REDACT_PATHS } from './redaction';

function capture(): { logger: pino.Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: pino({ redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, sink), lines };
}

describe('log redaction', () => {
  it('never writes NIK, KK, names, addresses, passwords or tokens', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        nik: '6311065708470001',
        body: {
          name: 'Siti Aminah',
          noKk: '6311060101010001',
          alamat: 'Jl. Ahmad Yani 1',
          password: 'rahasia',
        },
        req: { headers: { authorization: 'Bearer eyJ...' } },
        data: { beneficiary: { nik: '6311065708470002' }, name: 'Budi' },
        refreshToken: 'abc',
      },
      'something happened',
    );
    const out = lines.join('');
    for (const secret of [
      '6311065708470001',
      '6311065708470002',
      'Siti Aminah',
      '6311060101010001',
      'Ahmad Yani',
      'rahasia',
      'eyJ',
      'Budi',
      '"abc"',
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('something happened');
  });

  it('keeps the error class readable but drops database error details that echo values', () => {
    const { logger, lines } = capture();
    const err = Object.assign(new Error('duplicate key value violates unique constraint'), {
      name: 'QueryFailedError',
      detail: 'Key (nik)=(6311065708470001) already exists.',
      parameters: ['6311065708470001'],
    });
    logger.error({ err }, 'insert failed');
    const out = lines.join('');
    expect(out).toContain('QueryFailedError');
    expect(out).not.toContain('6311065708470001');
  });
});
