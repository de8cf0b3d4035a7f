import type { Client } from 'pg';

/**
 * Measures roll-up lag per service event: from the moment its outbox row was written (in the
 * same transaction as the event) to the first poll that no longer finds it, on the database's
 * clock. Polls every `everyMs`, so figures are exact to that resolution; an event drained before
 * any poll saw it is counted at `everyMs`, its upper bound.
 */
export class LagTracker {
  private readonly pending = new Map<string, number>();
  private readonly lags = new Map<string, number>();
  private readonly expected = new Set<string>();
  private timer?: NodeJS.Timeout;
  private polling?: Promise<void>;

  constructor(
    private readonly pg: Client,
    private readonly everyMs = 50,
  ) {}

  /** An event the API has accepted. */
  expect(id: string): void {
    this.expected.add(id);
  }

  start(): void {
    this.timer = setInterval(() => {
      this.polling ??= this.poll().finally(() => (this.polling = undefined));
    }, this.everyMs);
  }

  /** Stops once every event seen has left the outbox (or after `timeoutMs`). */
  async stop(timeoutMs = 120_000): Promise<number[]> {
    const deadline = Date.now() + timeoutMs;
    do {
      await new Promise((r) => setTimeout(r, 4 * this.everyMs));
    } while (this.pending.size > 0 && Date.now() < deadline);
    clearInterval(this.timer);
    await this.polling;
    return [...this.expected].map((id) => this.lags.get(id) ?? this.everyMs);
  }

  get unfinished(): number {
    return this.pending.size;
  }

  private async poll(): Promise<void> {
    const { rows } = await this.pg.query<{ id: string; created: number; now: number }>(
      `SELECT aggregate_id AS id, extract(epoch FROM created_at) * 1000 AS created,
              extract(epoch FROM clock_timestamp()) * 1000 AS now
       FROM outbox WHERE topic = 'service-event'`,
    );
    const now =
      rows[0]?.now ??
      Number(
        (
          await this.pg.query<{ now: number }>(
            'SELECT extract(epoch FROM clock_timestamp()) * 1000 AS now',
          )
        ).rows[0].now,
      );
    const seen = new Set<string>();
    for (const row of rows) {
      seen.add(row.id);
      if (!this.pending.has(row.id)) this.pending.set(row.id, Number(row.created));
    }
    for (const [id, created] of this.pending) {
      if (!seen.has(id)) {
        this.lags.set(id, Number(now) - created);
        this.pending.delete(id);
      }
    }
  }
}
