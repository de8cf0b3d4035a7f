import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Relationship, Sex } from '@pilar/registry';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { DtksDto } from './dtks.dto';
import { PpksEntryDto } from './ppks-classification.dto';
import { DESA_KODE, DESA_KODE_MESSAGE, IsCalendarDate, RELATIONSHIPS } from './registry-validators';

export class CreateBeneficiaryDto {
  @ApiPropertyOptional({
    description:
      'NIK, 16 digits: kecamatan (1–6), birth date DDMMYY with +40 on the day for women (7–12), serial. Omit when the person has none yet.',
    example: '6311061708470001',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(32)
  nik?: string | null;

  @ApiPropertyOptional({
    description: 'Nomor Kartu Keluarga: joins that household, or registers it.',
    example: '6311062001090002',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(32)
  noKk?: string | null;

  @ApiPropertyOptional({
    description: 'An existing household to join.',
    example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  householdId?: string | null;

  @ApiPropertyOptional({
    description: 'Hubungan dalam keluarga.',
    enum: RELATIONSHIPS,
    example: 'KEPALA_KELUARGA',
    nullable: true,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(RELATIONSHIPS)
  relationship?: Relationship | null;

  @ApiProperty({ description: 'Full name.', example: 'Abdul Hamid' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ description: 'L (laki-laki) or P (perempuan).', enum: ['L', 'P'], example: 'L' })
  @IsIn(['L', 'P'])
  sex: Sex;

  @ApiProperty({ description: 'Tanggal lahir.', example: '1947-08-17' })
  @IsCalendarDate()
  birthDate: string;

  @ApiPropertyOptional({
    description: 'Tempat lahir.',
    example: 'Paringin',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(100)
  birthPlace?: string | null;

  @ApiProperty({ description: 'Desa of residence.', example: '63.11.06.2005' })
  @Matches(DESA_KODE, { message: DESA_KODE_MESSAGE })
  desaKode: string;

  @ApiPropertyOptional({
    description: 'Alamat (RT/RW, jalan).',
    example: 'RT 02 Desa Balang',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(500)
  alamat?: string | null;

  @ApiPropertyOptional({
    description: 'PPKS classifications; types counted in KK go to the household.',
    type: [PpksEntryDto],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(26)
  @ValidateNested({ each: true })
  @Type(() => PpksEntryDto)
  ppks?: PpksEntryDto[];

  @ApiPropertyOptional({ description: "The family's DTKS membership.", type: DtksDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DtksDto)
  dtks?: DtksDto;
}
