import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { IndicatorEvent, IndicatorRealisasi, Triwulan } from '@pilar/rollup';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/list.dto';
import { IsFiscalYear } from '../../common/validators';

export class IndicatorIdParamDto {
  @ApiProperty({ description: 'Indicator id.', example: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b' })
  @IsUUID()
  id: string;
}

export class RealisasiQueryDto {
  @ApiProperty({ description: 'Fiscal year.', example: 2022 })
  @IsFiscalYear()
  year: number;
}

export class IndicatorEventsQueryDto extends PageQueryDto {
  @ApiProperty({ description: 'Fiscal year.', example: 2022 })
  @IsFiscalYear()
  year: number;

  @ApiPropertyOptional({ description: 'Only this triwulan (1–4).', example: 2 })
  @IsOptional()
  @Type(() => Number)
  @IsIn([1, 2, 3, 4])
  triwulan?: Triwulan;
}

export class TriwulanFiguresResponse {
  @ApiProperty({ description: 'TW I.', example: 120, nullable: true, type: Number })
  tw1: number | null;
  @ApiProperty({ description: 'TW II.', example: 95, nullable: true, type: Number })
  tw2: number | null;
  @ApiProperty({ description: 'TW III.', example: 140, nullable: true, type: Number })
  tw3: number | null;
  @ApiProperty({ description: 'TW IV.', example: 101, nullable: true, type: Number })
  tw4: number | null;
}

export class RealisasiFiguresResponse extends TriwulanFiguresResponse {
  @ApiProperty({
    description: 'The year (for counts, the sum of the quarters).',
    example: 456,
    nullable: true,
    type: Number,
  })
  total: number | null;
}

export class RealisasiResponse {
  @ApiProperty({ description: 'Indicator id.', example: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b' })
  indicatorId: string;

  @ApiProperty({ description: 'Fiscal year.', example: 2022 })
  year: number;

  @ApiProperty({
    description: 'Indicator.',
    example: 'Jumlah lanjut usia yang terpenuhi kebutuhan dasarnya',
  })
  name: string;

  @ApiProperty({ description: 'Satuan.', example: 'Orang' })
  unit: string;

  @ApiProperty({
    description: 'Annual target (Renja Perubahan where revised).',
    example: 600,
    nullable: true,
    type: Number,
  })
  target: number | null;

  @ApiPropertyOptional({
    description: "Each triwulan's own target, when the plan gives them.",
    type: TriwulanFiguresResponse,
    nullable: true,
  })
  targetTriwulan: TriwulanFiguresResponse | null;

  @ApiProperty({
    description:
      'Realisasi in each triwulan on its own (additive: a person counts in the triwulan of their first qualifying service of the year) and for the year.',
    type: RealisasiFiguresResponse,
  })
  realisasi: RealisasiFiguresResponse;

  @ApiProperty({
    description: 'Realisasi year-to-date (s.d. triwulan), as Tabel 2.1 prints it.',
    type: TriwulanFiguresResponse,
  })
  realisasiYtd: TriwulanFiguresResponse;

  @ApiProperty({
    description: 'Capaian (%) of the year against the annual target; null without a target.',
    example: 76,
    nullable: true,
    type: Number,
  })
  capaian: number | null;

  @ApiProperty({
    description: 'Predikat of the capaian.',
    example: 'Tinggi',
    nullable: true,
    type: String,
  })
  predikat: string | null;

  @ApiProperty({
    description: 'Every service recorded before this instant is in the figures.',
    example: '2026-11-25T03:00:04.000Z',
  })
  asOf: string;
}

export function toRealisasiResponse(r: IndicatorRealisasi & { asOf: Date }): RealisasiResponse {
  return {
    indicatorId: r.indicatorId,
    year: r.year,
    name: r.name,
    unit: r.unit,
    target: r.target,
    targetTriwulan: r.targetTriwulan,
    realisasi: r.realisasi,
    realisasiYtd: r.realisasiYtd,
    capaian: r.capaian,
    predikat: r.predikat,
    asOf: r.asOf.toISOString(),
  };
}

export class IndicatorEventResponse {
  @ApiProperty({
    description: 'Service event id.',
    example: '7d5f7c1e-2b7a-4c55-9c53-1c7d5b8f0a11',
  })
  id: string;
  @ApiProperty({ description: 'Date of service.', example: '2022-04-12' })
  date: string;
  @ApiProperty({ description: 'Triwulan of the date.', example: 2 })
  triwulan: number;
  @ApiProperty({ description: 'Service type.', example: 'PERMAKANAN' })
  serviceType: string;
  @ApiProperty({
    description: 'Funding sub-kegiatan.',
    example: '1.06.04.2.01.0001',
    nullable: true,
    type: String,
  })
  subKegiatanKode: string | null;
  @ApiProperty({
    description: 'The person served.',
    example: 'c0a8012e-0000-4000-8000-000000000001',
    nullable: true,
    type: String,
  })
  beneficiaryId: string | null;
  @ApiProperty({
    description: 'The household served.',
    example: null,
    nullable: true,
    type: String,
  })
  householdId: string | null;
  @ApiProperty({ description: 'Desa of the service.', example: '63.11.06.2001' })
  desaKode: string;
  @ApiProperty({ description: 'Quantity.', example: 1 })
  quantity: number;
  @ApiProperty({ description: 'Rupiah.', example: 150000 })
  amount: number;
  @ApiProperty({
    description:
      "Whether it adds to its triwulan's figure (for distinct counts: the recipient's first qualifying service of the year).",
    example: true,
  })
  counted: boolean;
}

export class IndicatorEventPageResponse {
  @ApiProperty({ type: [IndicatorEventResponse] })
  items: IndicatorEventResponse[];
  @ApiProperty({
    description: 'Cursor of the next page.',
    example: null,
    nullable: true,
    type: String,
  })
  nextCursor: string | null;
}

export function toIndicatorEventResponse(e: IndicatorEvent): IndicatorEventResponse {
  return { ...e };
}
