import {
  CountMeasure,
  CountMeasureType,
  Measure,
  MeasureScope,
  PpksPopulationMeasure,
  withDefaultScope,
} from '@pilar/planning';

/**
 * One countable part of an indicator's measure, flattened for SQL: a counting measure is one
 * VALUE part; a RATIO is a VALUE part (numerator) and a DENOMINATOR part; MANUAL has none.
 *
 * The sub-kegiatan condition is an inclusive range of codes in "C" order, so one index range
 * serves a sub-kegiatan (`[kode, kode]`), everything under a kegiatan or program
 * (`[kode + '.', kode + '.~']`: codes are digits and dots, all below `~`), or everything
 * (`['', '~']`, which also takes the empty code of an unfunded KUNJUNGAN).
 */
export interface MeasurePart {
  indicatorId: string;
  role: 'VALUE' | 'DENOMINATOR';
  type: CountMeasureType | 'PPKS_POPULATION';
  serviceTypes: string[] | null;
  ppks: string[] | null;
  kodeFrom: string;
  kodeTo: string;
}

/** What the roll-up needs of an indicator to compute it. */
export interface IndicatorMeasureRow {
  id: string;
  level: string;
  nomenclatureKode: string | null;
  measure: Measure;
}

const EVERYTHING = { kodeFrom: '', kodeTo: '~' };

function codeRange(part: CountMeasure): { kodeFrom: string; kodeTo: string } {
  const f = part.filter;
  if (f?.subKegiatanKode) return { kodeFrom: f.subKegiatanKode, kodeTo: f.subKegiatanKode };
  const node = f?.kegiatanKode ?? f?.programKode;
  return node ? { kodeFrom: `${node}.`, kodeTo: `${node}.~` } : EVERYTHING;
}

function scopeOf(row: IndicatorMeasureRow): MeasureScope | null {
  switch (row.level) {
    case 'SUB_KEGIATAN':
    case 'KEGIATAN':
    case 'PROGRAM':
      return row.nomenclatureKode ? { tingkat: row.level, kode: row.nomenclatureKode } : null;
    default:
      return null;
  }
}

function toPart(
  indicatorId: string,
  role: MeasurePart['role'],
  measure: CountMeasure | PpksPopulationMeasure,
): MeasurePart {
  if (measure.type === 'PPKS_POPULATION') {
    return {
      indicatorId,
      role,
      type: 'PPKS_POPULATION',
      serviceTypes: null,
      ppks: measure.ppks,
      ...EVERYTHING,
    };
  }
  return {
    indicatorId,
    role,
    type: measure.type,
    serviceTypes: measure.filter?.serviceTypes ?? null,
    ppks: measure.filter?.ppks ?? null,
    ...codeRange(measure),
  };
}

/**
 * The countable parts of an indicator. The default filter (the indicator's own node) is applied
 * again here so that a definition stored without it still counts what the planning rules say.
 */
export function measureParts(row: IndicatorMeasureRow): MeasurePart[] {
  const measure = withDefaultScope(row.measure, scopeOf(row));
  if (measure.type === 'MANUAL') return [];
  if (measure.type === 'RATIO') {
    return [
      toPart(row.id, 'VALUE', measure.numerator),
      toPart(row.id, 'DENOMINATOR', measure.denominator),
    ];
  }
  return [toPart(row.id, 'VALUE', measure)];
}
