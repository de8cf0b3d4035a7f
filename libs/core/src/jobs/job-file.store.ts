import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

const CHUNK_BYTES = 1024 * 1024;
/**
 * A stored chunk is read back in pieces of this size. PostgreSQL sends bytea as hex text, which
 * the driver holds as a string twice the size: a whole 1 MiB chunk made a 2 MiB string, in V8's
 * large-object space, which only a full garbage collection frees, so a large import's chunks piled
 * up there. Hex pieces of 96 kB stay below that space's 128 kB and die young.
 */
const PIECE_BYTES = 48 * 1024;

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

  /** Reads the file back, a chunk per query, each chunk in pieces (PIECE_BYTES). */
  read(jobId: string): Readable {
    const ds = this.dataSource;
    async function* pieces(): AsyncGenerator<Buffer> {
      for (let seq = 0; ; seq++) {
        // The chunk is detoasted (decompressed) once, into the materialized CTE, then cut.
        const rows: { piece: Buffer }[] = await ds.query(
          `WITH chunk AS MATERIALIZED (
             SELECT data || ''::bytea AS data FROM job_file_chunk WHERE job_id = $1 AND seq = $2
           )
           SELECT substring(data FROM start FOR ${PIECE_BYTES}) AS piece
           FROM chunk, generate_series(1, octet_length(data), ${PIECE_BYTES}) AS start
           ORDER BY start`,
          [jobId, seq],
        );
        // Stored chunks are never empty: no row means no chunk, the end of the file.
        if (rows.length === 0) return;
        for (const row of rows) yield row.piece;
      }
    }
    // Two pieces of read-ahead at most (object mode counts pieces): constant memory per import.
    return Readable.from(pieces(), { highWaterMark: 2 });
  }

  async delete(jobId: string): Promise<void> {
    await this.dataSource.query('DELETE FROM job_file_chunk WHERE job_id = $1', [jobId]);
  }
}
