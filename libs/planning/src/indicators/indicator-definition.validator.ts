import { Injectable } from '@nestjs/common';
import type { FieldError } from '@pilar/core';
import type { EntityManager } from 'typeorm';
import { NomenclatureService } from '../nomenclature/nomenclature.service';
import { ReferenceCodes } from '../reference-codes';
import { RenjaService } from '../renja/renja.service';
import type { IndicatorLevel } from './indicator.types';
import { InvalidIndicatorDefinition } from './indicators.errors';
import { Measure, measureParts, MeasureScope, parseMeasure, withDefaultScope } from './measure';

/** The code field each level takes; TUJUAN and SASARAN take none. */
const NODE_FIELD = {
  SUB_KEGIATAN: 'subKegiatanKode',
  KEGIATAN: 'kegiatanKode',
  PROGRAM: 'programKode',
} as const;
const NODE_FIELDS = Object.values(NODE_FIELD);

export interface IndicatorNodeInput {
  level: IndicatorLevel;
  subKegiatanKode?: string | null;
  kegiatanKode?: string | null;
  programKode?: string | null;
}

/**
 * Checks that an indicator can be computed before it is saved: its node exists (and a
 * sub-kegiatan is planned), and every service type, PPKS type and nomenclature code of its
 * measure is known. Throws one 400 INVALID_INDICATOR_DEFINITION listing every problem.
 */
@Injectable()
export class IndicatorDefinitionValidator {
  constructor(
    private readonly nomenclature: NomenclatureService,
    private readonly renja: RenjaService,
    private readonly codes: ReferenceCodes,
  ) {}

  /**
   * The node and the measure with its default filter; `rawMeasure` is the request's value.
   * `otherErrors` (found by the caller) are reported together with these.
   */
  async check(
    node: IndicatorNodeInput,
    rawMeasure: unknown,
    m?: EntityManager,
    otherErrors: FieldError[] = [],
  ): Promise<{ scope: MeasureScope | null; measure: Measure }> {
    const errors: FieldError[] = [...otherErrors];
    const scope = await this.scopeOf(node, errors, m);
    const parsed = parseMeasure(rawMeasure);
    errors.push(...parsed.errors);
    if (parsed.measure) await this.checkCodes(parsed.measure, errors, m);
    if (errors.length || !parsed.measure) throw new InvalidIndicatorDefinition(errors);
    return { scope, measure: withDefaultScope(parsed.measure, scope) };
  }

  /** Re-checks a new measure for an existing indicator's node. */
  async checkMeasure(
    scope: MeasureScope | null,
    rawMeasure: unknown,
    m?: EntityManager,
  ): Promise<Measure> {
    const parsed = parseMeasure(rawMeasure);
    const errors: FieldError[] = [...parsed.errors];
    if (parsed.measure) await this.checkCodes(parsed.measure, errors, m);
    if (errors.length || !parsed.measure) throw new InvalidIndicatorDefinition(errors);
    return withDefaultScope(parsed.measure, scope);
  }

  private async scopeOf(
    node: IndicatorNodeInput,
    errors: FieldError[],
    m?: EntityManager,
  ): Promise<MeasureScope | null> {
    const expected =
      node.level in NODE_FIELD ? NODE_FIELD[node.level as MeasureScope['tingkat']] : null;
    for (const field of NODE_FIELDS) {
      if (field !== expected && node[field]) {
        errors.push({
          field,
          message: expected
            ? `a ${node.level} indicator takes ${expected}, not ${field}`
            : `a ${node.level} indicator belongs to no program, kegiatan or sub-kegiatan`,
        });
      }
    }
    if (!expected) return null;
    const raw = node[expected];
    if (!raw) {
      errors.push({ field: expected, message: `a ${node.level} indicator needs it` });
      return null;
    }
    const tingkat = node.level as MeasureScope['tingkat'];
    const kode = await this.checkNode(raw, tingkat, expected, errors, m);
    return kode ? { tingkat, kode } : null;
  }

  /** A known code of that level (and, for a sub-kegiatan, one planned in some Renja). */
  private async checkNode(
    raw: string,
    tingkat: MeasureScope['tingkat'],
    field: string,
    errors: FieldError[],
    m?: EntityManager,
  ): Promise<string | null> {
    const found = await this.nomenclature.check(raw, tingkat);
    if ('problem' in found) {
      errors.push({ field, message: found.problem });
      return null;
    }
    if (tingkat === 'SUB_KEGIATAN' && !(await this.renja.isPlanned(null, found.node.kode, m))) {
      errors.push({
        field,
        message: `sub-kegiatan ${found.node.kode} is in no Renja; enter its pagu first`,
      });
      return null;
    }
    return found.node.kode;
  }

  private async checkCodes(
    measure: Measure,
    errors: FieldError[],
    m?: EntityManager,
  ): Promise<void> {
    const serviceTypes: { field: string; kode: string }[] = [];
    const ppks: { field: string; kode: string }[] = [];
    for (const { path, part } of measureParts(measure)) {
      if (part.type === 'PPKS_POPULATION') {
        part.ppks.forEach((kode, i) => ppks.push({ field: `${path}.ppks[${i}]`, kode }));
        continue;
      }
      const filter = part.filter ?? {};
      const filterPath = `${path}.filter`;
      filter.serviceTypes?.forEach((kode, i) =>
        serviceTypes.push({ field: `${filterPath}.serviceTypes[${i}]`, kode }),
      );
      filter.ppks?.forEach((kode, i) => ppks.push({ field: `${filterPath}.ppks[${i}]`, kode }));
      for (const [key, tingkat] of [
        ['subKegiatanKode', 'SUB_KEGIATAN'],
        ['kegiatanKode', 'KEGIATAN'],
        ['programKode', 'PROGRAM'],
      ] as const) {
        const kode = filter[key];
        if (kode) await this.checkNode(kode, tingkat, `${filterPath}.${key}`, errors, m);
      }
    }
    const unknownServiceTypes = new Set(
      await this.codes.unknownServiceTypes(
        serviceTypes.map((s) => s.kode),
        m,
      ),
    );
    const unknownPpks = new Set(
      await this.codes.unknownPpksTypes(
        ppks.map((p) => p.kode),
        m,
      ),
    );
    for (const s of serviceTypes) {
      if (unknownServiceTypes.has(s.kode)) {
        errors.push({ field: s.field, message: `unknown service type ${s.kode}` });
      }
    }
    for (const p of ppks) {
      if (unknownPpks.has(p.kode))
        errors.push({ field: p.field, message: `unknown PPKS type ${p.kode}` });
    }
  }
}
