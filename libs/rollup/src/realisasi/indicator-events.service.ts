import { Injectable } from '@nestjs/common';
import type { WilayahScope } from '@pilar/auth';
import { IndicatorsService } from '@pilar/planning';
import { ValidationFailed } from '@pilar/core';
import { DataSource } from 'typeorm';
import { measureParts, MeasurePart } from '../recompute/measure-parts';
import type { Triwulan } from '../rollup.types';

/** One service event behind an indicator's figure. Ids only: names stay in the registry. */
export interface IndicatorEvent {
  id: string;
  date: string;
  triwulan: Triwulan;
  serviceType: string;
  subKegiatanKode: string | null;
  beneficiaryId: string | null;
  householdId: string | null;
  desaKode: string;
  quantity: number;
  amount: number;
  /**
   * Whether the event adds to the figure of its triwulan: always for sums and event counts; for
   * distinct counts only the recipient's first qualifying event of the year.
   */
  counted: boolean;
}

export interface IndicatorEventPage {
  items: IndicatorEvent[];
  nextCursor: string | null;
}

const CURSOR_KIND = 'indicator-events';

/**
 * The drill-down of a figure: the non-void events an indicator's measure (a ratio's numerator)
 * counts in a year or triwulan, oldest first, limited to the caller's wilayah. Personal data:
 * PIMPINAN get 403 from the scope.
 */
@Injectable()
export class IndicatorEventsService {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly dataSource: DataSource,
  ) {}

  async list(
    indicatorId: string,
    query: { year: number; triwulan?: Triwulan; limit: number; cursor?: string },
    scope: WilayahScope,
  ): Promise<IndicatorEventPage> {
    const scopeCondition = scope.where('e.desa_kode');
    const definition = await this.indicators.get(indicatorId);
    const part = measureParts({
      id: definition.id,
      level: definition.level,
      nomenclatureKode:
        definition.subKegiatanKode ?? definition.kegiatanKode ?? definition.programKode,
      measure: definition.measure,
    }).find((p) => p.role === 'VALUE');
    if (!part) return { items: [], nextCursor: null };

    const { year, triwulan } = query;
    const firstMonth = triwulan ? (triwulan - 1) * 3 + 1 : 1;
    const lastMonth = triwulan ? triwulan * 3 : 12;
    const qb = this.dataSource
      .createQueryBuilder()
      .select([
        'e.id AS id',
        `to_char(e.event_date, 'YYYY-MM-DD') AS date`,
        'extract(quarter FROM e.event_date)::int AS triwulan',
        'e.service_type AS service_type',
        'e.sub_kegiatan_kode AS sub_kegiatan_kode',
        'e.beneficiary_id AS beneficiary_id',
        'e.household_id AS household_id',
        'e.desa_kode AS desa_kode',
        'e.quantity AS quantity',
        'e.amount AS amount',
      ])
      .addSelect(countedExpression(part), 'counted')
      .from('service_event', 'e')
      .leftJoin('beneficiary', 'b', 'b.id = e.beneficiary_id')
      .where('e.voided_at IS NULL')
      .andWhere(
        `e.event_date >= make_date(:year, :firstMonth, 1)
         AND e.event_date < make_date(:year, :firstMonth, 1) + make_interval(months => :months)`,
        { year, firstMonth, months: lastMonth - firstMonth + 1 },
      )
      .andWhere(qualifies('e', 'b'))
      .andWhere(...scopeCondition)
      .setParameters(partParameters(part, year))
      .orderBy('e.event_date')
      .addOrderBy('e.id')
      .limit(query.limit + 1);
    if (query.cursor) {
      const [date, id] = decodeCursor(query.cursor);
      qb.andWhere('(e.event_date, e.id) > (:cursorDate::date, :cursorId::uuid)', {
        cursorDate: date,
        cursorId: id,
      });
    }
    const rows: {
      id: string;
      date: string;
      triwulan: Triwulan;
      service_type: string;
      sub_kegiatan_kode: string | null;
      beneficiary_id: string | null;
      household_id: string | null;
      desa_kode: string;
      quantity: string;
      amount: string;
      counted: boolean;
    }[] = await qb.getRawMany();
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        id: r.id,
        date: r.date,
        triwulan: r.triwulan,
        serviceType: r.service_type,
        subKegiatanKode: r.sub_kegiatan_kode,
        beneficiaryId: r.beneficiary_id,
        householdId: r.household_id,
        desaKode: r.desa_kode,
        quantity: Number(r.quantity),
        amount: Number(r.amount),
        counted: r.counted,
      })),
      nextCursor: rows.length > query.limit ? encodeCursor(last.date, last.id) : null,
    };
  }
}

function partParameters(part: MeasurePart, year: number): Record<string, unknown> {
  return {
    kodeFrom: part.kodeFrom,
    kodeTo: part.kodeTo,
    serviceTypes: part.serviceTypes,
    ppks: part.ppks,
    measureType: part.type,
    partYear: year,
  };
}

/**
 * The measure's conditions on an event (aliases `e` for the event and `b` for its person), the
 * same the roll-up applies to the service facts: sub-kegiatan range, service types, PPKS members
 * of the year (the person's own types and their household's), and a recipient of the counted kind.
 */
function qualifies(e: string, b: string): string {
  return `coalesce(${e}.sub_kegiatan_kode, '') COLLATE "C" >= (:kodeFrom)::text COLLATE "C"
          AND coalesce(${e}.sub_kegiatan_kode, '') COLLATE "C" <= (:kodeTo)::text COLLATE "C"
          AND (:serviceTypes::text[] IS NULL OR ${e}.service_type = ANY (:serviceTypes::text[]))
          AND (:ppks::text[] IS NULL OR EXISTS (
                SELECT 1 FROM rollup_ppks_member mb
                WHERE mb.year = :partYear AND mb.ppks_kode = ANY (:ppks::text[])
                  AND mb.recipient_id IN (coalesce(${e}.beneficiary_id, ${e}.household_id),
                                          coalesce(${e}.household_id, ${b}.household_id))))
          AND (:measureType <> 'DISTINCT_BENEFICIARIES' OR ${e}.beneficiary_id IS NOT NULL)
          AND (:measureType <> 'DISTINCT_HOUSEHOLDS'
               OR coalesce(${e}.household_id, ${b}.household_id) IS NOT NULL)`;
}

/** For distinct counts: no earlier qualifying event of the same recipient in the year. */
function countedExpression(part: MeasurePart): string {
  if (part.type !== 'DISTINCT_BENEFICIARIES' && part.type !== 'DISTINCT_HOUSEHOLDS') return 'true';
  const sameRecipient =
    part.type === 'DISTINCT_BENEFICIARIES'
      ? 'e2.beneficiary_id = e.beneficiary_id'
      : 'coalesce(e2.household_id, b2.household_id) = coalesce(e.household_id, b.household_id)';
  return `NOT EXISTS (
    SELECT 1 FROM service_event e2
    LEFT JOIN beneficiary b2 ON b2.id = e2.beneficiary_id
    WHERE e2.voided_at IS NULL
      AND e2.event_date >= make_date(:year, 1, 1) AND e2.event_date < make_date(:year + 1, 1, 1)
      AND (e2.event_date, e2.id) < (e.event_date, e.id)
      AND ${sameRecipient}
      AND ${qualifies('e2', 'b2')})`;
}

function encodeCursor(date: string, id: string): string {
  return Buffer.from(JSON.stringify([CURSOR_KIND, date, id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (
    Array.isArray(parsed) &&
    parsed.length === 3 &&
    parsed[0] === CURSOR_KIND &&
    typeof parsed[1] === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(parsed[1]) &&
    typeof parsed[2] === 'string'
  ) {
    return [parsed[1], parsed[2]];
  }
  throw ValidationFailed.field('cursor', 'is not a cursor of this list');
}
