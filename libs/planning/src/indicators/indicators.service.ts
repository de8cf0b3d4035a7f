import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditService, diffFields } from '@pilar/audit';
import {
  FieldError,
  NotFound,
  PgError,
  pgErrorCode,
  StaleVersion,
  ValidationFailed,
} from '@pilar/core';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { parseNomenclatureKode } from '../nomenclature/nomenclature-kode';
import type { NegativeCapaianRule, Polarity } from '../numbers/percentages';
import { ConcurrentEdit } from '../renja/renja.errors';
import type { RenjaVersi } from '../renja/renja.types';
import { IndicatorDefinitionValidator, IndicatorNodeInput } from './indicator-definition.validator';
import { loadDefinitions } from './indicator-views';
import { Indicator } from './indicator.entity';
import type { Accumulation, IndicatorDefinition, IndicatorLevel } from './indicator.types';
import { IndicatorAlreadyExists, InvalidIndicatorDefinition } from './indicators.errors';
import { isCountMeasureType, Measure, MeasureScope } from './measure';

export interface NewIndicator extends IndicatorNodeInput {
  name: string;
  unit: string;
  polarity: Polarity;
  /** NEGATIVE only; TWO_T_MINUS_R when omitted. */
  negativeCapaianRule?: NegativeCapaianRule | null;
  /** SUM for counting measures, LATEST for RATIO and MANUAL when omitted. */
  accumulation?: Accumulation;
  /** As in api.md; checked by IndicatorDefinitionValidator. */
  measure: unknown;
}

export interface IndicatorChanges {
  version: number;
  name?: string;
  unit?: string;
  polarity?: Polarity;
  negativeCapaianRule?: NegativeCapaianRule | null;
  accumulation?: Accumulation;
  measure?: unknown;
}

export interface IndicatorQuery {
  /** Only indicators with a target in that year. */
  year?: number;
  level?: IndicatorLevel;
  /** Only indicators at or under this program / kegiatan / sub-kegiatan. */
  kode?: string;
  /** Which version of the targets to read (latest when omitted). */
  versi?: RenjaVersi;
}

export interface IndicatorPage {
  items: IndicatorDefinition[];
  nextCursor: string | null;
}

const AUDITED: (keyof Indicator)[] = [
  'name',
  'level',
  'nomenclatureKode',
  'unit',
  'polarity',
  'negativeCapaianRule',
  'accumulation',
  'measure',
];

/** Indicator definitions: what each indicator counts, for which node, and how capaian works. */
@Injectable()
export class IndicatorsService {
  constructor(
    @InjectRepository(Indicator) private readonly indicators: Repository<Indicator>,
    private readonly validator: IndicatorDefinitionValidator,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  async get(id: string, options: { versi?: RenjaVersi } = {}): Promise<IndicatorDefinition> {
    const indicator = await this.indicators.findOneBy({ id });
    if (!indicator) throw new NotFound('Indicator', id);
    const [definition] = await loadDefinitions(this.dataSource.manager, [indicator], options);
    return definition;
  }

  /**
   * Every matching indicator, in plan order (tujuan/sasaran, then by code, then as entered).
   * A bare year lists the indicators with a target that year.
   */
  async list(query: number | IndicatorQuery = {}): Promise<IndicatorDefinition[]> {
    const filter = typeof query === 'number' ? { year: query } : query;
    return (await this.page(filter, { limit: null })).items;
  }

  /** One page of `list`, for the HTTP API. The cursor is opaque (base64url). */
  async page(
    query: IndicatorQuery,
    { limit, cursor }: { limit: number | null; cursor?: string },
  ): Promise<IndicatorPage> {
    const after = cursor ? decodeCursor(cursor) : null;
    const kode = query.kode ? (parseNomenclatureKode(query.kode)?.kode ?? query.kode) : null;
    const rows: { id: string; sort_kode: string; seq: string }[] = await this.dataSource.query(
      `SELECT i.id, coalesce(i.nomenclature_kode, '') AS sort_kode, i.seq
       FROM indicator i
       WHERE ($1::text IS NULL OR i.level = $1)
         AND ($2::text IS NULL OR i.nomenclature_kode = $2 OR i.nomenclature_kode LIKE $2 || '.%')
         AND ($3::smallint IS NULL
              OR EXISTS (SELECT 1 FROM indicator_target t WHERE t.indicator_id = i.id AND t.year = $3))
         AND ($4::text IS NULL OR (coalesce(i.nomenclature_kode, ''), i.seq) > ($4, $5::bigint))
       ORDER BY coalesce(i.nomenclature_kode, ''), i.seq
       LIMIT $6`,
      [
        query.level ?? null,
        kode,
        query.year ?? null,
        after?.kode ?? null,
        after?.seq ?? null,
        limit === null ? null : limit + 1,
      ],
    );
    const pageRows = limit === null ? rows : rows.slice(0, limit);
    const entities = await this.indicators.findBy({ id: In(pageRows.map((r) => r.id)) });
    const byId = new Map(entities.map((e) => [e.id, e]));
    const ordered = pageRows.map((r) => byId.get(r.id)).filter((e): e is Indicator => !!e);
    const last = pageRows[pageRows.length - 1];
    return {
      items: await loadDefinitions(this.dataSource.manager, ordered, { versi: query.versi }),
      nextCursor:
        limit !== null && rows.length > limit ? encodeCursor(last.sort_kode, last.seq) : null,
    };
  }

  /** Creates an indicator after checking its whole definition; 409 when the node has one of that name. */
  async create(input: NewIndicator, m?: EntityManager): Promise<IndicatorDefinition> {
    const work = async (tx: EntityManager): Promise<IndicatorDefinition> => {
      const indicator = await this.insert(input, tx);
      const [definition] = await loadDefinitions(tx, [indicator]);
      return definition;
    };
    return m ? work(m) : this.dataSource.transaction(work);
  }

  /**
   * The indicator of that name on that node, created when missing and its unit brought up to
   * date when present: what a Renja import needs to be re-runnable.
   */
  async ensure(
    input: NewIndicator,
    m: EntityManager,
  ): Promise<{ indicator: Indicator; outcome: 'created' | 'updated' | 'unchanged' }> {
    const rawKode = input.subKegiatanKode ?? input.kegiatanKode ?? input.programKode ?? null;
    const kode = rawKode ? (parseNomenclatureKode(rawKode)?.kode ?? rawKode) : null;
    const existing = await this.findByName(input.level, kode, input.name, m);
    if (!existing) return { indicator: await this.insert(input, m), outcome: 'created' };
    if (existing.unit === input.unit.trim()) return { indicator: existing, outcome: 'unchanged' };
    const before = { ...existing };
    existing.unit = input.unit.trim();
    existing.updatedAt = new Date();
    await m.save(existing);
    await this.recordChange(m, 'indicator.update', before, existing);
    return { indicator: existing, outcome: 'updated' };
  }

  /** Changes a definition under optimistic locking (409 STALE_VERSION on a stale `version`). */
  async update(id: string, changes: IndicatorChanges): Promise<IndicatorDefinition> {
    return this.dataSource.transaction(async (m) => {
      const indicator = await m.findOne(Indicator, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!indicator) throw new NotFound('Indicator', id);
      if (indicator.version !== changes.version) {
        throw new StaleVersion('Indicator', changes.version, indicator.version);
      }
      const before = { ...indicator };
      const polarity = changes.polarity ?? indicator.polarity;
      const errors: FieldError[] = [];
      const negativeCapaianRule = ruleFor(
        polarity,
        changes.negativeCapaianRule !== undefined
          ? changes.negativeCapaianRule
          : changes.polarity === 'POSITIVE'
            ? null
            : indicator.negativeCapaianRule,
        errors,
      );
      if (errors.length) throw new InvalidIndicatorDefinition(errors);
      const measure =
        changes.measure === undefined
          ? indicator.measure
          : await this.validator.checkMeasure(scopeOf(indicator), changes.measure, m);
      Object.assign(indicator, {
        name: changes.name?.trim() ?? indicator.name,
        unit: changes.unit?.trim() ?? indicator.unit,
        polarity,
        negativeCapaianRule,
        accumulation: changes.accumulation ?? indicator.accumulation,
        measure,
        updatedAt: new Date(),
      });
      await this.saveNamed(m, indicator);
      await this.recordChange(m, 'indicator.update', before, indicator);
      const [definition] = await loadDefinitions(m, [indicator]);
      return definition;
    });
  }

  /** The indicator row, locked for the rest of the transaction (targets and values use it). */
  async lockForUpdate(id: string, m: EntityManager): Promise<Indicator> {
    const indicator = await m.findOne(Indicator, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!indicator) throw new NotFound('Indicator', id);
    return indicator;
  }

  private async insert(input: NewIndicator, m: EntityManager): Promise<Indicator> {
    const errors: FieldError[] = [];
    const negativeCapaianRule = ruleFor(input.polarity, input.negativeCapaianRule, errors);
    const { scope, measure } = await this.validator.check(input, input.measure, m, errors);
    const now = new Date();
    const indicator = m.create(Indicator, {
      id: randomUUID(),
      name: input.name.trim(),
      level: input.level,
      nomenclatureKode: scope?.kode ?? null,
      unit: input.unit.trim(),
      polarity: input.polarity,
      negativeCapaianRule,
      accumulation: input.accumulation ?? defaultAccumulation(measure),
      measure,
      createdAt: now,
      updatedAt: now,
    });
    await this.saveNamed(m, indicator);
    await this.recordChange(m, 'indicator.create', null, indicator);
    return indicator;
  }

  /** Saves, turning the one-name-per-node rule into a 409 that points at the existing one. */
  private async saveNamed(m: EntityManager, indicator: Indicator): Promise<void> {
    const clash = await this.findByName(
      indicator.level,
      indicator.nomenclatureKode,
      indicator.name,
      m,
    );
    if (clash && clash.id !== indicator.id)
      throw new IndicatorAlreadyExists(indicator.name, clash.id);
    try {
      await m.save(indicator);
    } catch (err) {
      if (pgErrorCode(err) === PgError.uniqueViolation) {
        throw new ConcurrentEdit(`The indicator "${indicator.name}"`);
      }
      throw err;
    }
  }

  private findByName(
    level: IndicatorLevel,
    kode: string | null,
    name: string,
    m: EntityManager,
  ): Promise<Indicator | null> {
    return m
      .createQueryBuilder(Indicator, 'i')
      .where('i.level = :level', { level })
      .andWhere(`coalesce(i.nomenclature_kode, '') = :kode`, { kode: kode ?? '' })
      .andWhere('lower(i.name) = lower(:name)', { name: name.trim() })
      .getOne();
  }

  private recordChange(
    m: EntityManager,
    action: string,
    before: Indicator | null,
    after: Indicator,
  ): Promise<void> {
    return this.audit.record(m, {
      action,
      entity: 'indicator',
      entityId: after.id,
      changes: diffFields(before, after, AUDITED),
    });
  }
}

/** The negative capaian rule an indicator of that polarity ends up with. */
function ruleFor(
  polarity: Polarity,
  rule: NegativeCapaianRule | null | undefined,
  errors: FieldError[],
): NegativeCapaianRule | null {
  if (polarity === 'NEGATIVE') return rule ?? 'TWO_T_MINUS_R';
  if (rule) {
    errors.push({
      field: 'negativeCapaianRule',
      message: 'only NEGATIVE indicators have a negative capaian rule',
    });
  }
  return null;
}

function defaultAccumulation(measure: Measure): Accumulation {
  return isCountMeasureType(measure.type) ? 'SUM' : 'LATEST';
}

export function scopeOf(indicator: Indicator): MeasureScope | null {
  switch (indicator.level) {
    case 'SUB_KEGIATAN':
    case 'KEGIATAN':
    case 'PROGRAM':
      return indicator.nomenclatureKode
        ? { tingkat: indicator.level, kode: indicator.nomenclatureKode }
        : null;
    case 'TUJUAN':
    case 'SASARAN':
      return null;
  }
}

function encodeCursor(kode: string, seq: string): string {
  return Buffer.from(JSON.stringify([kode, seq])).toString('base64url');
}

function decodeCursor(cursor: string): { kode: string; seq: string } {
  try {
    const [kode, seq] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (typeof kode === 'string' && typeof seq === 'string' && /^\d+$/.test(seq)) {
      return { kode, seq };
    }
  } catch {
    // fall through: a cursor that is not ours
  }
  throw ValidationFailed.field('cursor', 'is not a cursor of this list');
}
