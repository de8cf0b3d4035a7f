import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Relationship, SETTABLE_STATUSES, SettableStatus, Sex } from '@pilar/registry';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { DESA_KODE, DESA_KODE_MESSAGE, IsCalendarDate, RELATIONSHIPS } from './registry-validators';

/** Only the fields sent change; `null` clears an optional one. */
export class UpdateBeneficiaryDto {
  @ApiProperty({ description: 'The version you read (optimistic locking).', example: 3 })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({
    description: 'NIK (validated and de-duplicated like at registration).',
    example: '6311061708470001',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(32)
  nik?: string | null;

  @ApiPropertyOptional({ description: 'Full name.', example: 'Abdul Hamid' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    description: 'L (laki-laki) or P (perempuan).',
    enum: ['L', 'P'],
    example: 'L',
  })
  @IsOptional()
  @IsIn(['L', 'P'])
  sex?: Sex;

  @ApiPropertyOptional({ description: 'Tanggal lahir.', example: '1947-08-17' })
  @IsOptional()
  @IsCalendarDate()
  birthDate?: string;

  @ApiPropertyOptional({
    description: 'Tempat lahir; null clears it.',
    nullable: true,
    type: String,
    example: 'Paringin',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(100)
  birthPlace?: string | null;

  @ApiPropertyOptional({ description: 'Desa of residence.', example: '63.11.06.2006' })
  @IsOptional()
  @Matches(DESA_KODE, { message: DESA_KODE_MESSAGE })
  desaKode?: string;

  @ApiPropertyOptional({
    description: 'Alamat (RT/RW, jalan); null clears it.',
    nullable: true,
    type: String,
    example: 'RT 03 Desa Kalahiang',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(500)
  alamat?: string | null;

  @ApiPropertyOptional({
    description: 'Household (null: leaves it).',
    nullable: true,
    type: String,
    example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  householdId?: string | null;

  @ApiPropertyOptional({
    description: 'Hubungan dalam keluarga; null clears it.',
    enum: RELATIONSHIPS,
    nullable: true,
    example: 'ORANG_TUA',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(RELATIONSHIPS)
  relationship?: Relationship | null;

  @ApiPropertyOptional({
    description: 'AKTIF, MENINGGAL (with diedOn), PINDAH or NONAKTIF.',
    enum: SETTABLE_STATUSES,
    example: 'MENINGGAL',
  })
  @IsOptional()
  @IsIn(SETTABLE_STATUSES)
  status?: SettableStatus;

  @ApiPropertyOptional({
    description: 'Date of death (status MENINGGAL).',
    nullable: true,
    type: String,
    example: '2026-11-02',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate()
  diedOn?: string | null;
}
