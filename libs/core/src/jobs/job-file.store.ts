import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

const CHUNK_BYTES = 1024 * 1024;

/**
 * Uploaded files of a job run, kept in PostgreSQL in 1 MiB chunks: PostgreSQL is the only
 * source of truth and Redis must hold no personal data. Writes and reads stream.
 */
@Injectable()
export class JobFileStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores the stream; returns its size in bytes. */
  async write(jobId: string, input: AsyncIterable<Buffer>): Promise<number> {
    let seq = 0;
    let total = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async (): Promise<void> => {
      if (pendingBytes === 0) return;
      await this.dataSource.query(
        'INSERT INTO job_file_chunk (job_id, seq, data) VALUES ($1, $2, $3)',
        [jobId, seq++, Buffer.concat(pending, pendingBytes)],
      );
      pending = [];
      pendingBytes = 0;
    };
    for await (const chunk of input) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      total += chunk.length;
      if (pendingBytes >= CHUNK_BYTES) await flush();
    }
    await flush();
    return total;
  }

  /** Reads the file back chunk by chunk. */
  read(jobId: string): Readable {
    const ds = this.dataSource;
    async function* chunks(): AsyncGenerator<Buffer> {
      for (let seq = 0; ; seq++) {
        const rows: { data: Buffer }[] = await ds.query(
          'SELECT data FROM job_file_chunk WHERE job_id = $1 AND seq = $2',
          [jobId, seq],
        );
        if (rows.length === 0) return;
        yield rows[0].data;
      }
    }
    // Two chunks of read-ahead at most (object mode counts chunks): constant memory per import.
    return Readable.from(chunks(), { highWaterMark: 2 });
  }

  async delete(jobId: string): Promise<void> {
    await this.dataSource.query('DELETE FROM job_file_chunk WHERE job_id = $1', [jobId]);
  }
}
