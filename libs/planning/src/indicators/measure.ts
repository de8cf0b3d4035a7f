import type { FieldError } from '@pilar/core';
import { NomenclatureTingkat, parseNomenclatureKode } from '../nomenclature/nomenclature-kode';

/** Measures computed by counting or summing service events. */
export const COUNT_MEASURE_TYPES = [
  'DISTINCT_BENEFICIARIES',
  'DISTINCT_HOUSEHOLDS',
  'EVENTS',
  'QUANTITY',
  'AMOUNT',
] as const;
export type CountMeasureType = (typeof COUNT_MEASURE_TYPES)[number];
export const MEASURE_TYPES = [...COUNT_MEASURE_TYPES, 'RATIO', 'MANUAL'] as const;
export type MeasureType = (typeof MEASURE_TYPES)[number];

/**
 * Which service events a counting measure looks at. All given conditions must hold. At most one
 * of `subKegiatanKode` / `kegiatanKode` / `programKode` (the event's funding sub-kegiatan is
 * that one, or lies under that kegiatan or program).
 */
export interface MeasureFilter {
  serviceTypes?: string[];
  ppks?: string[];
  subKegiatanKode?: string;
  kegiatanKode?: string;
  programKode?: string;
}

export interface CountMeasure {
  type: CountMeasureType;
  filter?: MeasureFilter;
}

/** Everyone registered with one of these PPKS types (the denominator of a coverage). */
export interface PpksPopulationMeasure {
  type: 'PPKS_POPULATION';
  ppks: string[];
}

/** numerator / denominator × 100. */
export interface RatioMeasure {
  type: 'RATIO';
  numerator: CountMeasure;
  denominator: CountMeasure | PpksPopulationMeasure;
}

/** Values entered per triwulan (figures from BPS and others, such as IPG). */
export interface ManualMeasure {
  type: 'MANUAL';
}

export type Measure = CountMeasure | RatioMeasure | ManualMeasure;

export type ParsedMeasure =
  { measure: Measure; errors: [] } | { measure: null; errors: FieldError[] };

const FILTER_KEYS = ['serviceTypes', 'ppks', 'subKegiatanKode', 'kegiatanKode', 'programKode'];
const NODE_FILTERS: [keyof MeasureFilter & `${string}Kode`, NomenclatureTingkat][] = [
  ['subKegiatanKode', 'SUB_KEGIATAN'],
  ['kegiatanKode', 'KEGIATAN'],
  ['programKode', 'PROGRAM'],
];
const CODE = /^[A-Z][A-Z0-9_]*$/;

export function isCountMeasureType(type: unknown): type is CountMeasureType {
  return (COUNT_MEASURE_TYPES as readonly unknown[]).includes(type);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a measure definition written as in api.md, listing every invalid field (`measure.
 * numerator.filter.ppks[1]: …`). Codes are checked for shape here and for existence by
 * `IndicatorDefinitionValidator`. Nomenclature codes come back in canonical 4-digit form.
 */
export function parseMeasure(raw: unknown, path = 'measure'): ParsedMeasure {
  const errors: FieldError[] = [];
  const measure = readMeasure(raw, path, errors, 'top');
  return measure && errors.length === 0
    ? { measure: measure as Measure, errors: [] }
    : { measure: null, errors };
}

type Position = 'top' | 'numerator' | 'denominator';

function readMeasure(
  raw: unknown,
  path: string,
  errors: FieldError[],
  position: Position,
): Measure | PpksPopulationMeasure | null {
  if (!isRecord(raw)) {
    errors.push({ field: path, message: 'must be an object with a type' });
    return null;
  }
  const type = raw.type;
  const allowed =
    position === 'top'
      ? MEASURE_TYPES
      : position === 'numerator'
        ? COUNT_MEASURE_TYPES
        : [...COUNT_MEASURE_TYPES, 'PPKS_POPULATION'];
  if (typeof type !== 'string' || !(allowed as readonly string[]).includes(type)) {
    errors.push({ field: `${path}.type`, message: `must be one of ${allowed.join(', ')}` });
    return null;
  }
  if (isCountMeasureType(type)) {
    rejectUnknownKeys(raw, ['type', 'filter'], path, errors);
    const filter = raw.filter === undefined ? undefined : readFilter(raw.filter, path, errors);
    return filter ? { type, filter } : { type };
  }
  if (type === 'PPKS_POPULATION') {
    rejectUnknownKeys(raw, ['type', 'ppks'], path, errors);
    const ppks = readCodes(raw.ppks, `${path}.ppks`, errors, true);
    return ppks ? { type, ppks } : null;
  }
  if (type === 'RATIO') {
    rejectUnknownKeys(raw, ['type', 'numerator', 'denominator'], path, errors);
    const numerator = readMeasure(raw.numerator, `${path}.numerator`, errors, 'numerator');
    const denominator = readMeasure(raw.denominator, `${path}.denominator`, errors, 'denominator');
    return numerator && denominator
      ? {
          type,
          numerator: numerator as CountMeasure,
          denominator: denominator as CountMeasure | PpksPopulationMeasure,
        }
      : null;
  }
  rejectUnknownKeys(raw, ['type'], path, errors);
  return { type: 'MANUAL' };
}

function readFilter(raw: unknown, path: string, errors: FieldError[]): MeasureFilter | undefined {
  const filterPath = `${path}.filter`;
  if (!isRecord(raw)) {
    errors.push({ field: filterPath, message: 'must be an object' });
    return undefined;
  }
  rejectUnknownKeys(raw, FILTER_KEYS, filterPath, errors);
  const filter: MeasureFilter = {};
  const serviceTypes = readCodes(raw.serviceTypes, `${filterPath}.serviceTypes`, errors, false);
  if (serviceTypes) filter.serviceTypes = serviceTypes;
  const ppks = readCodes(raw.ppks, `${filterPath}.ppks`, errors, false);
  if (ppks) filter.ppks = ppks;
  const given = NODE_FILTERS.filter(([key]) => raw[key] !== undefined);
  if (given.length > 1) {
    errors.push({
      field: filterPath,
      message: `give at most one of ${given.map(([key]) => key).join(', ')}`,
    });
  }
  for (const [key, tingkat] of given) {
    const value = raw[key];
    const parsed = typeof value === 'string' ? parseNomenclatureKode(value) : null;
    if (!parsed || parsed.tingkat !== tingkat) {
      errors.push({
        field: `${filterPath}.${key}`,
        message: `must be a ${tingkat.toLowerCase().replace('_', '-')} code`,
      });
    } else {
      filter[key] = parsed.kode;
    }
  }
  return Object.keys(filter).length ? filter : undefined;
}

function readCodes(
  raw: unknown,
  path: string,
  errors: FieldError[],
  required: boolean,
): string[] | undefined {
  if (raw === undefined && !required) return undefined;
  if (!Array.isArray(raw) || raw.length === 0) {
    errors.push({
      field: path,
      message: required
        ? 'must be a non-empty list of codes'
        : 'must be a non-empty list of codes (omit it to leave it unrestricted)',
    });
    return undefined;
  }
  let valid = true;
  raw.forEach((code, i) => {
    if (typeof code !== 'string' || !CODE.test(code)) {
      errors.push({ field: `${path}[${i}]`, message: 'must be an upper-case code' });
      valid = false;
    }
  });
  return valid ? [...new Set(raw as string[])] : undefined;
}

function rejectUnknownKeys(
  raw: Record<string, unknown>,
  allowed: readonly string[],
  path: string,
  errors: FieldError[],
): void {
  for (const key of Object.keys(raw)) {
    if (!allowed.includes(key)) {
      errors.push({ field: `${path}.${key}`, message: 'this field should not exist' });
    }
  }
}

/** The indicator's own place in the nomenclature, which counting measures default to. */
export interface MeasureScope {
  tingkat: 'SUB_KEGIATAN' | 'KEGIATAN' | 'PROGRAM';
  kode: string;
}

const SCOPE_FILTER_KEY: Record<MeasureScope['tingkat'], keyof MeasureFilter & `${string}Kode`> = {
  SUB_KEGIATAN: 'subKegiatanKode',
  KEGIATAN: 'kegiatanKode',
  PROGRAM: 'programKode',
};

/**
 * Fills in the default filter: a counting measure that names no sub-kegiatan, kegiatan or
 * program counts only events funded under the indicator's own node. TUJUAN and SASARAN
 * indicators have no node and count across the whole plan.
 */
export function withDefaultScope(measure: Measure, scope: MeasureScope | null): Measure {
  const scoped = <M extends CountMeasure | PpksPopulationMeasure>(m: M): M => {
    if (m.type === 'PPKS_POPULATION' || !scope) return m;
    const filter = m.filter ?? {};
    if (NODE_FILTERS.some(([key]) => filter[key] !== undefined)) return m;
    return { ...m, filter: { ...filter, [SCOPE_FILTER_KEY[scope.tingkat]]: scope.kode } };
  };
  switch (measure.type) {
    case 'MANUAL':
      return measure;
    case 'RATIO':
      return {
        type: 'RATIO',
        numerator: scoped(measure.numerator),
        denominator: scoped(measure.denominator),
      };
    case 'DISTINCT_BENEFICIARIES':
    case 'DISTINCT_HOUSEHOLDS':
    case 'EVENTS':
    case 'QUANTITY':
    case 'AMOUNT':
      return scoped(measure);
  }
}

/** Every counting measure and PPKS population inside a measure, with its field path. */
export function measureParts(
  measure: Measure,
  path = 'measure',
): { path: string; part: CountMeasure | PpksPopulationMeasure }[] {
  switch (measure.type) {
    case 'MANUAL':
      return [];
    case 'RATIO':
      return [
        { path: `${path}.numerator`, part: measure.numerator },
        { path: `${path}.denominator`, part: measure.denominator },
      ];
    case 'DISTINCT_BENEFICIARIES':
    case 'DISTINCT_HOUSEHOLDS':
    case 'EVENTS':
    case 'QUANTITY':
    case 'AMOUNT':
      return [{ path, part: measure }];
  }
}
