import { ApiProperty } from '@nestjs/swagger';
import {
  ACCUMULATIONS,
  INDICATOR_LEVELS,
  NEGATIVE_CAPAIAN_RULES,
  POLARITIES,
  RENJA_VERSI,
  type Accumulation,
  type IndicatorDefinition,
  type IndicatorLevel,
  type IndicatorTargetView,
  type ManualValueView,
  type Measure,
  type NegativeCapaianRule,
  type Polarity,
  type RenjaVersi,
  type RenstraTargetView,
} from '@pilar/planning';
import { MEASURE_DESCRIPTION, MEASURE_EXAMPLE } from './indicator.dto';

/** Exact decimal strings become JSON numbers at the edge (targets have at most 4 decimals). */
const decimal = (value: string): number => Number(value);

export class IndicatorTargetResponse {
  @ApiProperty({ description: 'Fiscal year.', example: 2022 })
  year: number;

  @ApiProperty({ description: 'Renja version.', enum: RENJA_VERSI, example: 'MURNI' })
  versi: RenjaVersi;

  @ApiProperty({ description: 'Annual target.', example: 12084 })
  annual: number;

  @ApiProperty({
    description: 'Target of each quarter on its own, TW I–IV.',
    example: [3021, 1812.6, 4229.4, 3021],
    nullable: true,
    type: [Number],
  })
  triwulan: number[] | null;

  @ApiProperty({
    description: 'The shares (%) the quarters were entered as.',
    example: [25, 15, 35, 25],
    nullable: true,
    type: [Number],
  })
  triwulanShares: number[] | null;
}

export class RenstraTargetResponse {
  @ApiProperty({ description: 'First year of the period.', example: 2021 })
  startYear: number;

  @ApiProperty({ description: 'Last year of the period.', example: 2026 })
  endYear: number;

  @ApiProperty({ description: 'Target at the end of the period.', example: 100 })
  target: number;
}

export class ManualValueResponse {
  @ApiProperty({ description: 'Fiscal year.', example: 2022 })
  year: number;

  @ApiProperty({ description: 'Triwulan.', example: 2 })
  triwulan: number;

  @ApiProperty({ description: 'The figure entered.', example: 92.74 })
  value: number;
}

export class IndicatorResponse {
  @ApiProperty({ description: 'Indicator id.', example: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b' })
  id: string;

  @ApiProperty({ description: 'Indicator text.', example: 'Jumlah anak terlantar yang dilayani' })
  name: string;

  @ApiProperty({ description: 'Level.', enum: INDICATOR_LEVELS, example: 'SUB_KEGIATAN' })
  level: IndicatorLevel;

  @ApiProperty({
    description: 'Its sub-kegiatan (SUB_KEGIATAN level).',
    example: '1.06.04.2.01.0004',
    nullable: true,
    type: String,
  })
  subKegiatanKode: string | null;

  @ApiProperty({
    description: 'Its kegiatan (KEGIATAN level and below).',
    example: '1.06.04.2.01',
    nullable: true,
    type: String,
  })
  kegiatanKode: string | null;

  @ApiProperty({
    description: 'Its program (PROGRAM level and below).',
    example: '1.06.04',
    nullable: true,
    type: String,
  })
  programKode: string | null;

  @ApiProperty({ description: 'Satuan.', example: 'Orang' })
  unit: string;

  @ApiProperty({ description: 'Polarity.', enum: POLARITIES, example: 'POSITIVE' })
  polarity: Polarity;

  @ApiProperty({
    description: 'Capaian rule of a NEGATIVE indicator.',
    enum: NEGATIVE_CAPAIAN_RULES,
    example: null,
    nullable: true,
  })
  negativeCapaianRule: NegativeCapaianRule | null;

  @ApiProperty({ description: 'Accumulation.', enum: ACCUMULATIONS, example: 'SUM' })
  accumulation: Accumulation;

  @ApiProperty({
    description: `${MEASURE_DESCRIPTION} Shown with the default filter filled in.`,
    example: MEASURE_EXAMPLE,
    type: 'object',
    additionalProperties: true,
  })
  measure: Measure;

  @ApiProperty({ description: 'Optimistic-lock version; send it back with PATCH.', example: 1 })
  version: number;

  @ApiProperty({
    description: "Each year's target (latest version unless MURNI was asked).",
    type: [IndicatorTargetResponse],
  })
  targets: IndicatorTargetResponse[];

  @ApiProperty({ description: 'Renstra end-of-period targets.', type: [RenstraTargetResponse] })
  renstraTargets: RenstraTargetResponse[];

  @ApiProperty({ description: 'Values entered (MANUAL indicators).', type: [ManualValueResponse] })
  manualValues: ManualValueResponse[];
}

export class IndicatorPageResponse {
  @ApiProperty({ type: [IndicatorResponse] })
  items: IndicatorResponse[];

  @ApiProperty({
    description: 'Cursor of the next page.',
    example: null,
    nullable: true,
    type: String,
  })
  nextCursor: string | null;
}

export function toIndicatorTargetResponse(t: IndicatorTargetView): IndicatorTargetResponse {
  return {
    year: t.year,
    versi: t.versi,
    annual: decimal(t.annual),
    triwulan: t.triwulan?.map(decimal) ?? null,
    triwulanShares: t.triwulanShares?.map(decimal) ?? null,
  };
}

export function toRenstraTargetResponse(t: RenstraTargetView): RenstraTargetResponse {
  return { startYear: t.startYear, endYear: t.endYear, target: decimal(t.target) };
}

export function toManualValueResponse(v: ManualValueView): ManualValueResponse {
  return { year: v.year, triwulan: v.triwulan, value: decimal(v.value) };
}

export function toIndicatorResponse(d: IndicatorDefinition): IndicatorResponse {
  return {
    id: d.id,
    name: d.name,
    level: d.level,
    subKegiatanKode: d.subKegiatanKode,
    kegiatanKode: d.kegiatanKode,
    programKode: d.programKode,
    unit: d.unit,
    polarity: d.polarity,
    negativeCapaianRule: d.negativeCapaianRule,
    accumulation: d.accumulation,
    measure: d.measure,
    version: d.version,
    targets: d.targets.map(toIndicatorTargetResponse),
    renstraTargets: d.renstraTargets.map(toRenstraTargetResponse),
    manualValues: d.manualValues.map(toManualValueResponse),
  };
}
