import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AuthUser } from '@pilar/auth';
import { PreparedStatement, queryPrepared } from '@pilar/core';
import { parseNomenclatureKode } from '@pilar/planning';
import type { BeneficiaryStatus } from '@pilar/registry';
import { DataSource, Repository } from 'typeorm';
import { clientChosenId, IdempotencyConflict, payloadHash } from '../../common/idempotency';
import { outboxOnCreate } from '../../outbox/service-event-outbox';
import { ServiceEvent } from '../service-event.entity';
import { ServiceEventResolver } from '../service-event.resolver';
import {
  RecordedServiceEvent,
  ResolvedServiceEvent,
  ServiceEventInput,
} from '../service-events.types';

/**
 * The event row and its outbox row in one statement, so both exist or neither does.
 * The statement also reads the recipient (a person or a household, one of $4 and $5 is null) and
 * inserts only when the caller may record for them: their desa is within the caller's wilayah
 * ($18, the prefix match of WilayahScope.where) and they were not merged away. It answers the
 * recipient's desa and status, so a refusal is explained without reading them again.
 * ON CONFLICT (id) DO NOTHING makes concurrent submissions of one id create exactly one event:
 * the losers wait for the winner's commit, insert nothing, and compare payloads afterwards.
 * Without a desa from the client, the event is placed in the recipient's. Without a disaster
 * from the client, the event links to the disaster whose tanggap darurat window covers its date
 * and whose victims include the recipient.
 */
const INSERT_EVENT_WITH_OUTBOX: PreparedStatement = {
  name: 'record-service-event',
  text: `
  WITH recipient AS (
    SELECT desa_kode, status FROM beneficiary WHERE id = $4::uuid
    UNION ALL
    SELECT desa_kode, NULL FROM household WHERE id = $5::uuid
  ), inserted AS (
    INSERT INTO service_event (
      id, payload_hash, service_type, beneficiary_id, household_id, sub_kegiatan_kode,
      event_date, quantity, unit, amount, desa_kode, recorded_by, case_id, disaster_id, notes,
      location_lat, location_lon)
    SELECT
      $1::uuid, $2::text, $3::text, $4::uuid, $5::uuid, $6::text, $7::date, $8::numeric,
      $9::text, $10::bigint, COALESCE($11::text, r.desa_kode), $12::uuid, $13::uuid,
      COALESCE(
        $14::uuid,
        (SELECT v.disaster_id FROM disaster_victim v JOIN disaster d ON d.id = v.disaster_id
          WHERE v.beneficiary_id = $4::uuid
            AND $7::date BETWEEN d.start_date AND d.emergency_end_date
          ORDER BY d.start_date DESC, d.id LIMIT 1),
        (SELECT v.disaster_id FROM disaster_victim v JOIN disaster d ON d.id = v.disaster_id
          WHERE v.household_id = $5::uuid
            AND $7::date BETWEEN d.start_date AND d.emergency_end_date
          ORDER BY d.start_date DESC, d.id LIMIT 1)),
      $15::text, $16::float8, $17::float8
    FROM recipient r
    WHERE (r.desa_kode = $18::text OR r.desa_kode LIKE $18::text || '.%')
      AND r.status IS DISTINCT FROM 'MERGED'
    ON CONFLICT (id) DO NOTHING
    RETURNING *
  ), outbox_row AS (${outboxOnCreate('inserted')})
  SELECT r.desa_kode AS recipient_desa_kode, r.status AS recipient_status,
         i.id, i.desa_kode, i.disaster_id, i.recorded_at
  FROM recipient r LEFT JOIN inserted i ON true`,
};

/** The statement's one row, or none when the recipient does not exist. */
interface InsertedRow {
  recipient_desa_kode: string;
  recipient_status: BeneficiaryStatus | null;
  /** The columns of the event, null when nothing was inserted. */
  id: string | null;
  desa_kode: string;
  disaster_id: string | null;
  recorded_at: Date;
}

/** Records one service, idempotently. */
@Injectable()
export class RecordServiceEventUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly resolver: ServiceEventResolver,
    @InjectRepository(ServiceEvent) private readonly events: Repository<ServiceEvent>,
  ) {}

  async execute(
    caller: AuthUser,
    input: ServiceEventInput,
    idempotencyKey?: string,
  ): Promise<RecordedServiceEvent> {
    const clientId = clientChosenId(input.id, idempotencyKey, caller.id);
    const id = clientId ?? randomUUID();
    const hash = this.hashOf(caller, input);

    let resolved: ResolvedServiceEvent;
    try {
      resolved = await this.resolver.resolve(caller.scope, input);
    } catch (err) {
      // A replay is answered from what was recorded, even if the request would no longer pass
      // (the Renja line removed since, the person merged away): it was valid when it came first.
      const existing = clientId ? await this.events.findOneBy({ id: clientId }) : null;
      if (existing) return this.replay(existing, hash);
      throw err;
    }

    const [row] = await queryPrepared<InsertedRow>(this.dataSource, INSERT_EVENT_WITH_OUTBOX, [
      id,
      hash,
      resolved.serviceType,
      resolved.beneficiaryId,
      resolved.householdId,
      resolved.subKegiatanKode,
      resolved.eventDate,
      resolved.quantity,
      resolved.unit,
      resolved.amount,
      resolved.desaKode,
      caller.id,
      resolved.caseId,
      resolved.disasterId,
      resolved.notes,
      resolved.locationLat,
      resolved.locationLon,
      caller.scope.requireKode(),
    ]);
    if (!row?.id) {
      // Nothing inserted: the id was taken (a replay, or another request under the same id), or
      // the recipient is absent, outside the caller's wilayah or merged away — a replay first,
      // as above.
      const existing = clientId ? await this.events.findOneBy({ id: clientId }) : null;
      if (existing) return this.replay(existing, hash);
      await this.resolver.refuseRecipient(
        caller.scope,
        input,
        row && { desaKode: row.recipient_desa_kode, status: row.recipient_status },
      );
      throw new Error(`Service event ${id} was neither recorded nor found`);
    }
    return {
      created: true,
      // A plain object, not repository.create: this is the hot path, and nothing here needs
      // TypeORM's metadata-driven copy.
      event: Object.assign(new ServiceEvent(), {
        ...resolved,
        id,
        payloadHash: hash,
        quantity: String(resolved.quantity),
        amount: String(resolved.amount),
        desaKode: row.desa_kode,
        recordedBy: caller.id,
        recordedAt: row.recorded_at,
        disasterId: row.disaster_id,
        voidedAt: null,
        voidedBy: null,
        voidReason: null,
      }),
    };
  }

  /**
   * What identifies the request: the client's fields (codes in canonical form) and who sent
   * them. The same id from another user is a different request, never a replay of theirs.
   */
  private hashOf(caller: AuthUser, input: ServiceEventInput): string {
    const { id: _id, subKegiatanKode, ...rest } = input;
    return payloadHash('service-event', {
      ...rest,
      subKegiatanKode: subKegiatanKode
        ? (parseNomenclatureKode(subKegiatanKode)?.kode ?? subKegiatanKode)
        : undefined,
      beneficiaryId: input.beneficiaryId?.toLowerCase(),
      householdId: input.householdId?.toLowerCase(),
      caseId: input.caseId?.toLowerCase(),
      disasterId: input.disasterId?.toLowerCase(),
      recordedBy: caller.id,
    });
  }

  private replay(existing: ServiceEvent, hash: string): RecordedServiceEvent {
    if (existing.payloadHash !== hash) throw new IdempotencyConflict('Service event', existing.id);
    return { event: existing, created: false };
  }
}
