import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AuthUser, WilayahScope } from '@pilar/auth';
import { decodeCursor, encodeCursor, ValidationFailed } from '@pilar/core';
import { parseNomenclatureKode } from '@pilar/planning';
import { Repository } from 'typeorm';
import { ServiceEvent } from './service-event.entity';
import { ServiceEventNotFound } from './service-events.errors';
import {
  BatchItem,
  BatchItemResult,
  RecordedServiceEvent,
  ServiceEventInput,
  ServiceEventQuery,
} from './service-events.types';
import { RecordServiceEventBatchUseCase } from './use-cases/record-service-event-batch.use-case';
import { RecordServiceEventUseCase } from './use-cases/record-service-event.use-case';
import { VoidServiceEventUseCase } from './use-cases/void-service-event.use-case';

const LIST = 'service-events';

/** Service events: recording (single, batch), voiding, and reading within the caller's wilayah. */
@Injectable()
export class ServiceEventsService {
  constructor(
    @InjectRepository(ServiceEvent) private readonly events: Repository<ServiceEvent>,
    private readonly recordOne: RecordServiceEventUseCase,
    private readonly recordMany: RecordServiceEventBatchUseCase,
    private readonly voidOne: VoidServiceEventUseCase,
  ) {}

  record(
    caller: AuthUser,
    input: ServiceEventInput,
    idempotencyKey?: string,
  ): Promise<RecordedServiceEvent> {
    return this.recordOne.execute(caller, input, idempotencyKey);
  }

  recordBatch(caller: AuthUser, items: BatchItem[]): Promise<BatchItemResult[]> {
    return this.recordMany.execute(caller, items);
  }

  void(caller: AuthUser, id: string, reason: string): Promise<ServiceEvent> {
    return this.voidOne.execute(caller, id, reason);
  }

  async get(scope: WilayahScope, id: string): Promise<ServiceEvent> {
    scope.requireKode();
    const event = await this.events.findOneBy({ id });
    if (!event || !scope.contains(event.desaKode)) throw new ServiceEventNotFound(id);
    return event;
  }

  /** Newest first by (date, id), which never change: a cursor never skips or repeats. */
  async list(
    scope: WilayahScope,
    query: ServiceEventQuery,
  ): Promise<{ items: ServiceEvent[]; nextCursor: string | null }> {
    const qb = this.events
      .createQueryBuilder('e')
      .where(...scope.where('e.desa_kode'))
      .orderBy('e.event_date', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit(query.limit + 1);
    const equal: [keyof ServiceEventQuery, string][] = [
      ['beneficiaryId', 'beneficiary_id'],
      ['householdId', 'household_id'],
      ['type', 'service_type'],
      ['recordedBy', 'recorded_by'],
      ['caseId', 'case_id'],
      ['disasterId', 'disaster_id'],
    ];
    for (const [param, column] of equal) {
      if (query[param] !== undefined) qb.andWhere(`e.${column} = :${param}`, query);
    }
    if (query.subKegiatanKode) {
      const parsed = parseNomenclatureKode(query.subKegiatanKode);
      if (!parsed) {
        throw ValidationFailed.field(
          'subKegiatanKode',
          `${query.subKegiatanKode} is not a nomenclature code`,
        );
      }
      qb.andWhere('(e.sub_kegiatan_kode = :kode OR e.sub_kegiatan_kode LIKE :kodePrefix)', {
        kode: parsed.kode,
        kodePrefix: `${parsed.kode}.%`,
      });
    }
    if (query.wilayahKode) {
      qb.andWhere('(e.desa_kode = :wilayahKode OR e.desa_kode LIKE :wilayahPrefix)', {
        wilayahKode: query.wilayahKode,
        wilayahPrefix: `${query.wilayahKode}.%`,
      });
    }
    if (query.from) qb.andWhere('e.event_date >= :from', { from: query.from });
    if (query.to) qb.andWhere('e.event_date <= :to', { to: query.to });
    if (query.cursor) {
      const [date, id] = decodeCursor<[string, string]>(LIST, query.cursor, ['string', 'string']);
      qb.andWhere('(e.event_date, e.id) < (CAST(:cursorDate AS date), CAST(:cursorId AS uuid))', {
        cursorDate: date,
        cursorId: id,
      });
    }
    const rows = await qb.getMany();
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > query.limit ? encodeCursor(LIST, [last.eventDate, last.id]) : null,
    };
  }
}
