import type { NegativeCapaianRule, Polarity } from '../numbers/percentages';
import type { RenjaVersi } from '../renja/renja.types';
import type { Measure } from './measure';

export const INDICATOR_LEVELS = [
  'TUJUAN',
  'SASARAN',
  'PROGRAM',
  'KEGIATAN',
  'SUB_KEGIATAN',
] as const;
export type IndicatorLevel = (typeof INDICATOR_LEVELS)[number];
export const POLARITIES = ['POSITIVE', 'NEGATIVE'] as const;
export const NEGATIVE_CAPAIAN_RULES = ['TWO_T_MINUS_R', 'T_OVER_R'] as const;

/**
 * How an indicator's figures combine: across the years of a Renstra period and, for MANUAL
 * indicators, across the triwulan of a year. SUM adds them (counts), LATEST takes the most recent
 * (levels and most percentages), AVERAGE takes their mean.
 */
export const ACCUMULATIONS = ['SUM', 'LATEST', 'AVERAGE'] as const;
export type Accumulation = (typeof ACCUMULATIONS)[number];

/** The four triwulan figures, TW I to TW IV. */
export type Triwulan<T> = [T, T, T, T];

/**
 * An indicator's target for one year and Renja version. `annual` and `triwulan` are exact
 * decimal strings. `triwulan` holds the target of each quarter on its own (additive, like
 * realisasi `tw*`), whether it was entered as values or as `triwulanShares` of the annual target.
 */
export interface IndicatorTargetView {
  year: number;
  versi: RenjaVersi;
  annual: string;
  triwulan: Triwulan<string> | null;
  /** The percentages the quarters were entered as (summing to 100), when they were. */
  triwulanShares: Triwulan<string> | null;
}

/** The end-of-period target of a Renstra (5-year plan). */
export interface RenstraTargetView {
  startYear: number;
  endYear: number;
  target: string;
}

/**
 * A value entered for a MANUAL indicator: the figure reported for that triwulan. How the four
 * combine into the year follows the indicator's accumulation.
 */
export interface ManualValueView {
  year: number;
  triwulan: number;
  value: string;
}

/**
 * What the roll-up and the reports need to compute an indicator: its definition (with the
 * default filter already filled in), targets, Renstra targets and manual values.
 */
export interface IndicatorDefinition {
  id: string;
  name: string;
  level: IndicatorLevel;
  /** The indicator's node and its parents; null above the node's own level. */
  subKegiatanKode: string | null;
  kegiatanKode: string | null;
  programKode: string | null;
  unit: string;
  polarity: Polarity;
  /** Set for NEGATIVE indicators only. */
  negativeCapaianRule: NegativeCapaianRule | null;
  accumulation: Accumulation;
  measure: Measure;
  /** Optimistic-lock version; send it back with a change. */
  version: number;
  /** The latest version (PERUBAHAN over MURNI) of each year's target, by year; or the asked one. */
  targets: IndicatorTargetView[];
  renstraTargets: RenstraTargetView[];
  manualValues: ManualValueView[];
}
