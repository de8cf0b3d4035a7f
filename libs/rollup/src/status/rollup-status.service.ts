import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface RollupStatus {
  /** Outbox rows not applied yet. */
  pending: number;
  /** When a drain last applied a batch. */
  lastRunAt: Date | null;
  /** Age of the oldest change not in the figures yet; 0 when the figures are up to date. */
  lagSeconds: number;
  /** Every change recorded before this instant is in the figures. */
  asOf: Date;
}

@Injectable()
export class RollupStatusService {
  constructor(private readonly dataSource: DataSource) {}

  async status(): Promise<RollupStatus> {
    const [row]: {
      pending: number;
      last_drained_at: Date | null;
      oldest: Date | null;
      now: Date;
    }[] = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM outbox)::int AS pending,
              (SELECT last_drained_at FROM rollup_state) AS last_drained_at,
              (SELECT created_at FROM outbox ORDER BY id LIMIT 1) AS oldest,
              now() AS now`,
    );
    return {
      pending: row.pending,
      lastRunAt: row.last_drained_at,
      lagSeconds: row.oldest
        ? Math.max(0, Math.round((row.now.getTime() - row.oldest.getTime()) / 100) / 10)
        : 0,
      asOf: row.oldest ?? row.now,
    };
  }
}
