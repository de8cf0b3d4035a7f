import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { DtksDto } from '../../beneficiaries/dto/dtks.dto';
import { PpksEntryDto } from '../../beneficiaries/dto/ppks-classification.dto';
import {
  DESA_KODE,
  DESA_KODE_MESSAGE,
  SIXTEEN_DIGITS,
  WILAYAH_KODE,
} from '../../beneficiaries/dto/registry-validators';
import { PageQueryDto } from '../../common/list.dto';
import { Transform } from 'class-transformer';

export class CreateHouseholdDto {
  @ApiPropertyOptional({
    description: 'Nomor Kartu Keluarga (16 digits); omit when the family has no KK yet.',
    example: '6311062001090002',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(32)
  noKk?: string | null;

  @ApiProperty({ description: 'Desa of the family.', example: '63.11.06.2005' })
  @Matches(DESA_KODE, { message: DESA_KODE_MESSAGE })
  desaKode: string;

  @ApiPropertyOptional({
    description: 'Alamat (RT/RW, jalan).',
    nullable: true,
    type: String,
    example: 'RT 02 Desa Balang',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(500)
  alamat?: string | null;

  @ApiPropertyOptional({ type: DtksDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DtksDto)
  dtks?: DtksDto;

  @ApiPropertyOptional({
    description: 'Family-level PPKS (types counted in KK, e.g. FAKIR_MISKIN).',
    type: [PpksEntryDto],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(26)
  @ValidateNested({ each: true })
  @Type(() => PpksEntryDto)
  ppks?: PpksEntryDto[];
}

export class UpdateHouseholdDto {
  @ApiProperty({ description: 'The version you read (optimistic locking).', example: 1 })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({
    description: 'Nomor Kartu Keluarga (16 digits); null clears it.',
    nullable: true,
    type: String,
    example: '6311062001090002',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(32)
  noKk?: string | null;

  @ApiPropertyOptional({ description: 'Desa the family moved to.', example: '63.11.06.2006' })
  @IsOptional()
  @Matches(DESA_KODE, { message: DESA_KODE_MESSAGE })
  desaKode?: string;

  @ApiPropertyOptional({
    description: 'Alamat (RT/RW, jalan); null clears it.',
    nullable: true,
    type: String,
    example: 'RT 01 Desa Kalahiang',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(500)
  alamat?: string | null;

  @ApiPropertyOptional({ description: 'Fields left out keep their values.', type: DtksDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DtksDto)
  dtks?: DtksDto;
}

const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export class HouseholdQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Exact KK number.', example: '6311062001090002' })
  @IsOptional()
  @Matches(SIXTEEN_DIGITS, { message: 'must be 16 digits' })
  noKk?: string;

  @ApiPropertyOptional({ description: 'Any level of the region tree.', example: '63.11.06' })
  @IsOptional()
  @Matches(WILAYAH_KODE, { message: 'must be a wilayah code such as 63.11.06' })
  wilayahKode?: string;

  @ApiPropertyOptional({ description: 'In DTKS (true) or not (false).', example: true })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  dtks?: boolean;
}

export class HouseholdIdParam {
  @ApiProperty({ description: 'Household id.', example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f' })
  @IsUUID()
  id: string;
}
