import { Injectable, Logger } from '@nestjs/common';
import type { AuthUser } from '@pilar/auth';
import { DomainError, RequestContext } from '@pilar/core';
import { BatchItem, BatchItemResult } from '../service-events.types';
import { RecordServiceEventUseCase } from './record-service-event.use-case';

/** A phone that was offline all day sends at most this many events at once. */
export const MAX_BATCH_EVENTS = 500;

/**
 * Field sync: each event is recorded on its own (its own atomic insert, as a single POST would
 * be), in order, so one bad item rejects only itself and a resent batch answers DUPLICATE for
 * what already arrived.
 */
@Injectable()
export class RecordServiceEventBatchUseCase {
  private readonly logger = new Logger(RecordServiceEventBatchUseCase.name);

  constructor(private readonly record: RecordServiceEventUseCase) {}

  async execute(caller: AuthUser, items: BatchItem[]): Promise<BatchItemResult[]> {
    const results: BatchItemResult[] = [];
    for (const item of items) results.push(await this.one(caller, item));
    return results;
  }

  private async one(caller: AuthUser, item: BatchItem): Promise<BatchItemResult> {
    if ('errors' in item) {
      return { id: item.id, status: 'REJECTED', code: 'VALIDATION_FAILED', errors: item.errors };
    }
    const { input } = item;
    // Without a client id a resent batch would record everything twice.
    if (!input.id) {
      return {
        id: null,
        status: 'REJECTED',
        code: 'VALIDATION_FAILED',
        errors: [
          { field: 'id', message: 'is required in a batch, so a resent sync is not counted twice' },
        ],
      };
    }
    try {
      const { event, created } = await this.record.execute(caller, input);
      return { id: event.id, status: created ? 'CREATED' : 'DUPLICATE' };
    } catch (err) {
      if (err instanceof DomainError) {
        return {
          id: input.id.toLowerCase(),
          status: 'REJECTED',
          code: err.code,
          errors: err.extra.errors ?? [{ field: '', message: err.detail }],
        };
      }
      // A bug must not block the rest of a day's sync; the item is retried with the next one.
      const requestId = RequestContext.current()?.requestId;
      this.logger.error({ err, requestId, eventId: input.id }, 'Batch item failed unexpectedly');
      return {
        id: input.id.toLowerCase(),
        status: 'REJECTED',
        code: 'INTERNAL_ERROR',
        errors: [{ field: '', message: `unexpected error; quote request id ${requestId ?? '-'}` }],
      };
    }
  }
}
