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

/** A (year, sub-kegiatan, service type) a recipient's events fall in, before or after a change. */
export interface ServiceCombo {
  year: number;
  subKegiatanKode: string;
  serviceType: string;
}

/** A (year, PPKS type) a recipient belongs to, before or after a change. */
export interface PpksCombo {
  year: number;
  ppksKode: string;
}

/** Whether events of this sub-kegiatan and service type can count in the part. */
export function partCountsService(part: MeasurePart, combo: ServiceCombo): boolean {
  return (
    part.type !== 'PPKS_POPULATION' &&
    combo.subKegiatanKode >= part.kodeFrom &&
    combo.subKegiatanKode <= part.kodeTo &&
    (part.serviceTypes === null || part.serviceTypes.includes(combo.serviceType))
  );
}

/** Whether who holds this PPKS type can change the part (its filter or its population). */
export function partDependsOnPpks(part: MeasurePart, ppksKode: string): boolean {
  return part.ppks !== null && part.ppks.includes(ppksKode);
}

/**
 * The indicator-years whose figures the changed combos can move. Over-approximates on purpose
 * (a person joining a PPKS type touches every indicator filtered on it, served or not): a
 * needless recompute costs a few milliseconds, a missed one leaves a wrong figure.
 */
export function touchedIndicatorUnits(
  parts: readonly MeasurePart[],
  services: readonly ServiceCombo[],
  ppks: readonly PpksCombo[],
): { indicatorId: string; year: number }[] {
  const units = new Map<string, { indicatorId: string; year: number }>();
  const add = (indicatorId: string, year: number): void => {
    units.set(`${indicatorId}/${year}`, { indicatorId, year });
  };
  for (const part of parts) {
    for (const combo of services)
      if (partCountsService(part, combo)) add(part.indicatorId, combo.year);
    for (const combo of ppks)
      if (partDependsOnPpks(part, combo.ppksKode)) add(part.indicatorId, combo.year);
  }
  return [...units.values()];
}
