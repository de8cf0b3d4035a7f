/**
 * The transactional outbox for service events. Recording or voiding an event appends exactly one
 * row in the same statement (a data-modifying CTE), so the row exists if and only if the change
 * committed. The roll-up drains `outbox` in id order and recomputes the cells the row names.
 * (An event moved to the survivor of a registry merge is noted by the roll-up's own trigger.)
 *
 * Payload (ids, codes and dates only — never personal data):
 *   { change, eventId, eventDate, year, triwulan, serviceType, desaKode, disasterId,
 *     before: {subKegiatanKode, beneficiaryId, householdId} | null,
 *     after:  {subKegiatanKode, beneficiaryId, householdId} | null }
 * `before` is what counted until now (null when the event is new), `after` what counts from now
 * on (null when it was voided): the affected (indicator, year, triwulan) cells are those of both.
 */

export const SERVICE_EVENT_TOPIC = 'service-event';

export type ServiceEventChange = 'CREATED' | 'VOIDED';

export interface ServiceEventCountedFacts {
  subKegiatanKode: string | null;
  beneficiaryId: string | null;
  householdId: string | null;
}

export interface ServiceEventOutboxPayload {
  change: ServiceEventChange;
  eventId: string;
  eventDate: string;
  year: number;
  triwulan: number;
  serviceType: string;
  desaKode: string;
  disasterId: string | null;
  before: ServiceEventCountedFacts | null;
  after: ServiceEventCountedFacts | null;
}

/** The counted facts of the service_event row `alias`. */
const facts = (alias: string): string =>
  `jsonb_build_object('subKegiatanKode', ${alias}.sub_kegiatan_kode,
                      'beneficiaryId', ${alias}.beneficiary_id,
                      'householdId', ${alias}.household_id)`;

/**
 * `INSERT INTO outbox … SELECT … FROM <source>`: one row per event in `source` (a CTE returning
 * service_event's columns, aliased `e`).
 */
function outboxInsert(
  source: string,
  change: ServiceEventChange,
  before: string,
  after: string,
): string {
  return `INSERT INTO outbox (topic, aggregate_id, event_year, payload)
    SELECT '${SERVICE_EVENT_TOPIC}', e.id, extract(year FROM e.event_date)::smallint,
           jsonb_build_object(
             'change', '${change}',
             'eventId', e.id,
             'eventDate', to_char(e.event_date, 'YYYY-MM-DD'),
             'year', extract(year FROM e.event_date)::int,
             'triwulan', extract(quarter FROM e.event_date)::int,
             'serviceType', e.service_type,
             'desaKode', e.desa_kode,
             'disasterId', e.disaster_id,
             'before', ${before},
             'after', ${after})
    FROM ${source} AS e`;
}

/** Outbox row for events just inserted into `source`. */
export const outboxOnCreate = (source: string): string =>
  outboxInsert(source, 'CREATED', 'NULL::jsonb', facts('e'));

/** Outbox row for events just voided (`source` returns them after the update). */
export const outboxOnVoid = (source: string): string =>
  outboxInsert(source, 'VOIDED', facts('e'), 'NULL::jsonb');
