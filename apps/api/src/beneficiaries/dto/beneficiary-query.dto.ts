import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NikStatus, SETTABLE_STATUSES, SettableStatus } from '@pilar/registry';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../../common/list.dto';
import { PPKS_KODE, SIXTEEN_DIGITS, WILAYAH_KODE } from './registry-validators';

const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export class BeneficiaryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Name, fuzzy (typos and spelling variants match); best matches first.',
    example: 'Muhamad Rizky',
  })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({
    description:
      'How similar a name must be to q (0.3–1, default 0.5): lower finds more spelling variants, slower.',
    example: 0.5,
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0.3)
  @Max(1)
  minSimilarity?: number;

  @ApiPropertyOptional({ description: 'Exact NIK.', example: '6311061708470001' })
  @IsOptional()
  @Matches(SIXTEEN_DIGITS, { message: 'must be 16 digits' })
  nik?: string;

  @ApiPropertyOptional({ description: 'Exact KK number.', example: '6311062001090002' })
  @IsOptional()
  @Matches(SIXTEEN_DIGITS, { message: 'must be 16 digits' })
  noKk?: string;

  @ApiPropertyOptional({
    description: 'Holds this PPKS type today (personally or through the family).',
    example: 'LANJUT_USIA_TERLANTAR',
  })
  @IsOptional()
  @Matches(PPKS_KODE, { message: 'must be a PPKS kode such as LANJUT_USIA_TERLANTAR' })
  ppks?: string;

  @ApiPropertyOptional({
    description: 'Provinsi, kabupaten, kecamatan or desa code.',
    example: '63.11.06',
  })
  @IsOptional()
  @Matches(WILAYAH_KODE, { message: 'must be a wilayah code such as 63.11.06' })
  wilayahKode?: string;

  @ApiPropertyOptional({ description: 'Family in DTKS (true) or not (false).', example: true })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  dtks?: boolean;

  @ApiPropertyOptional({ enum: SETTABLE_STATUSES, example: 'AKTIF' })
  @IsOptional()
  @IsIn(SETTABLE_STATUSES)
  status?: SettableStatus;

  @ApiPropertyOptional({
    description: 'NONE: people without NIK yet.',
    enum: ['NONE', 'VALID'],
    example: 'NONE',
  })
  @IsOptional()
  @IsIn(['NONE', 'VALID'])
  nikStatus?: NikStatus;

  @ApiPropertyOptional({
    description: 'Members of this household.',
    example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  })
  @IsOptional()
  @IsUUID()
  householdId?: string;
}

export class BeneficiaryIdParam {
  @ApiProperty({ description: 'Beneficiary id.', example: '2f0c8a47-8a7e-4c3e-9d5b-6d3f1a2b4c5d' })
  @IsUUID()
  id: string;
}
