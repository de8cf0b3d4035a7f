import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACCUMULATIONS,
  INDICATOR_LEVELS,
  NEGATIVE_CAPAIAN_RULES,
  POLARITIES,
  type Accumulation,
  type IndicatorLevel,
  type NegativeCapaianRule,
  type Polarity,
} from '@pilar/planning';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

const KEGIATAN_KODE = /^\d\.\d{2}\.\d{2}\.\d\.\d{2}$/;
const PROGRAM_KODE = /^\d\.\d{2}\.\d{2}$/;
const SUB_KEGIATAN_KODE = /^\d\.\d{2}\.\d{2}\.\d\.\d{2}\.(\d{2}|\d{4})$/;

export const MEASURE_DESCRIPTION =
  'How realisasi is computed. `{type: DISTINCT_BENEFICIARIES | DISTINCT_HOUSEHOLDS | EVENTS | ' +
  'QUANTITY | AMOUNT, filter?: {serviceTypes?, ppks?, subKegiatanKode? | kegiatanKode? | ' +
  "programKode?}}` (without a sub-kegiatan/kegiatan/program the indicator's own node is used), " +
  '`{type: RATIO, numerator: <counting measure>, denominator: <counting measure> | {type: ' +
  'PPKS_POPULATION, ppks: [...]}}` (×100), or `{type: MANUAL}` (values entered per triwulan). ' +
  'Checked in full when saved: every invalid field and unknown code is listed.';

export const MEASURE_EXAMPLE = {
  type: 'RATIO',
  numerator: {
    type: 'DISTINCT_BENEFICIARIES',
    filter: { ppks: ['LANJUT_USIA_TERLANTAR', 'PENYANDANG_DISABILITAS'] },
  },
  denominator: {
    type: 'PPKS_POPULATION',
    ppks: ['LANJUT_USIA_TERLANTAR', 'PENYANDANG_DISABILITAS'],
  },
};

export class CreateIndicatorDto {
  @ApiProperty({ description: 'Indicator text.', example: 'Jumlah anak terlantar yang dilayani' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  name: string;

  @ApiProperty({ description: 'Level.', enum: INDICATOR_LEVELS, example: 'SUB_KEGIATAN' })
  @IsIn(INDICATOR_LEVELS)
  level: IndicatorLevel;

  @ApiPropertyOptional({
    description: 'For SUB_KEGIATAN indicators (2- or 4-digit form).',
    example: '1.06.04.2.01.0004',
  })
  @IsOptional()
  @Matches(SUB_KEGIATAN_KODE, { message: 'must be a sub-kegiatan code such as 1.06.04.2.01.0004' })
  subKegiatanKode?: string;

  @ApiPropertyOptional({ description: 'For KEGIATAN indicators.', example: '1.06.04.2.01' })
  @IsOptional()
  @Matches(KEGIATAN_KODE, { message: 'must be a kegiatan code such as 1.06.04.2.01' })
  kegiatanKode?: string;

  @ApiPropertyOptional({ description: 'For PROGRAM indicators.', example: '1.06.04' })
  @IsOptional()
  @Matches(PROGRAM_KODE, { message: 'must be a program code such as 1.06.04' })
  programKode?: string;

  @ApiProperty({ description: 'Satuan.', example: 'Orang' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  unit: string;

  @ApiProperty({
    description: 'POSITIVE: higher is better. NEGATIVE: lower is better.',
    enum: POLARITIES,
    example: 'POSITIVE',
  })
  @IsIn(POLARITIES)
  polarity: Polarity;

  @ApiPropertyOptional({
    description:
      'NEGATIVE indicators only: TWO_T_MINUS_R ((2T − R)/T × 100, floored at 0; the default) or T_OVER_R (T/R × 100).',
    enum: NEGATIVE_CAPAIAN_RULES,
    example: 'TWO_T_MINUS_R',
  })
  @IsOptional()
  @IsIn(NEGATIVE_CAPAIAN_RULES)
  negativeCapaianRule?: NegativeCapaianRule;

  @ApiPropertyOptional({
    description:
      'How figures combine across the years of a Renstra (and the triwulan of a MANUAL indicator): SUM, LATEST or AVERAGE. Default SUM for counting measures, LATEST for RATIO and MANUAL.',
    enum: ACCUMULATIONS,
    example: 'SUM',
  })
  @IsOptional()
  @IsIn(ACCUMULATIONS)
  accumulation?: Accumulation;

  @ApiProperty({
    description: MEASURE_DESCRIPTION,
    example: MEASURE_EXAMPLE,
    type: 'object',
    additionalProperties: true,
  })
  @IsObject()
  measure: Record<string, unknown>;
}

export class UpdateIndicatorDto {
  @ApiProperty({ description: 'The version you read (optimistic locking).', example: 1 })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({
    description: 'Indicator text.',
    example: 'Jumlah anak terlantar yang dilayani',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  name?: string;

  @ApiPropertyOptional({ description: 'Satuan.', example: 'Anak' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  unit?: string;

  @ApiPropertyOptional({ description: 'Polarity.', enum: POLARITIES, example: 'NEGATIVE' })
  @IsOptional()
  @IsIn(POLARITIES)
  polarity?: Polarity;

  @ApiPropertyOptional({
    description: 'NEGATIVE indicators only; null returns to the default rule.',
    enum: NEGATIVE_CAPAIAN_RULES,
    example: 'T_OVER_R',
    nullable: true,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(NEGATIVE_CAPAIAN_RULES)
  negativeCapaianRule?: NegativeCapaianRule | null;

  @ApiPropertyOptional({ description: 'Accumulation.', enum: ACCUMULATIONS, example: 'LATEST' })
  @IsOptional()
  @IsIn(ACCUMULATIONS)
  accumulation?: Accumulation;

  @ApiPropertyOptional({
    description: MEASURE_DESCRIPTION,
    example: MEASURE_EXAMPLE,
    type: 'object',
    additionalProperties: true,
  })
  @IsOptional()
  @IsObject()
  measure?: Record<string, unknown>;
}
