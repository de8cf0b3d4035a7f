import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DISASTER_JENIS, DisasterJenis } from '@pilar/casework';
import { RELATIONSHIPS } from '@pilar/registry';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../common/list.dto';
import {
  DESA_KODE,
  DESA_KODE_MESSAGE,
  ISO_DATE,
  ISO_DATE_MESSAGE,
  WILAYAH_KODE,
} from '../../service-events/dto/casework-validators';

const SIXTEEN_DIGITS = /^\d{16}$/;

export class DisasterIdParam {
  @ApiProperty({ description: 'Disaster id.', example: '2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b' })
  @IsUUID('all')
  id: string;
}

export class CreateDisasterDto {
  @ApiProperty({ description: 'Name of the event.', example: 'Banjir Paringin November 2026' })
  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  @MaxLength(300)
  name: string;

  @ApiProperty({
    description: 'Jenis: ALAM (banjir, longsor, gempa) or SOSIAL (kebakaran, konflik sosial).',
    enum: DISASTER_JENIS,
    example: 'ALAM',
  })
  @IsIn(DISASTER_JENIS)
  type: DisasterJenis;

  @ApiProperty({ description: 'First day.', example: '2026-11-10' })
  @Matches(ISO_DATE, { message: ISO_DATE_MESSAGE })
  startDate: string;

  @ApiProperty({
    description: 'Last day of the masa tanggap darurat (services until then link to the disaster).',
    example: '2026-11-24',
  })
  @Matches(ISO_DATE, { message: ISO_DATE_MESSAGE })
  emergencyEndDate: string;

  @ApiProperty({
    description: 'Where: the kabupaten, a kecamatan or a desa of it.',
    example: '63.11.06',
  })
  @Matches(WILAYAH_KODE, { message: 'must be a wilayah code such as 63.11.06' })
  wilayahKode: string;
}

export class ListDisastersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DISASTER_JENIS, example: 'SOSIAL' })
  @IsOptional()
  @IsIn(DISASTER_JENIS)
  type?: DisasterJenis;

  @ApiPropertyOptional({
    description: 'Only those in tanggap darurat on this date.',
    example: '2026-11-15',
  })
  @IsOptional()
  @Matches(ISO_DATE, { message: ISO_DATE_MESSAGE })
  activeOn?: string;
}

export class AddVictimDto {
  @ApiProperty({
    description: 'A person already in the registry.',
    example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  })
  @IsUUID('all')
  beneficiaryId: string;
}

export class VictimPersonDto {
  @ApiPropertyOptional({ description: 'NIK, when known.', example: '6311064107800001' })
  @IsOptional()
  @Matches(SIXTEEN_DIGITS, { message: 'must be 16 digits' })
  nik?: string;

  @ApiProperty({ description: 'Full name.', example: 'Rusmini' })
  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  @MaxLength(200)
  name: string;

  @ApiProperty({ description: 'L (laki-laki) or P (perempuan).', enum: ['L', 'P'], example: 'P' })
  @IsIn(['L', 'P'])
  sex: 'L' | 'P';

  @ApiProperty({
    description: 'Tanggal lahir (an estimate is better than nothing).',
    example: '1980-07-01',
  })
  @Matches(ISO_DATE, { message: ISO_DATE_MESSAGE })
  birthDate: string;

  @ApiPropertyOptional({ description: 'Tempat lahir.', example: 'Paringin' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  birthPlace?: string;

  @ApiPropertyOptional({
    description: "Desa of residence; required for people, defaults to the household's for members.",
    example: '63.11.06.2005',
  })
  @IsOptional()
  @Matches(DESA_KODE, { message: DESA_KODE_MESSAGE })
  desaKode?: string;

  @ApiPropertyOptional({
    description: 'Alamat (RT/RW, jalan, landmark).',
    example: 'RT 03, dekat masjid',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  alamat?: string;

  @ApiPropertyOptional({
    description: 'Hubungan dalam keluarga (members).',
    enum: RELATIONSHIPS,
    example: 'ISTRI',
  })
  @IsOptional()
  @IsIn(RELATIONSHIPS)
  relationship?: string;
}

export class VictimHouseholdDto {
  @ApiPropertyOptional({
    description: 'Nomor KK, when known: the family joins (or registers) it.',
    example: '6311062001090002',
  })
  @IsOptional()
  @Matches(SIXTEEN_DIGITS, { message: 'must be 16 digits' })
  noKk?: string;

  @ApiProperty({ description: 'Desa of the family.', example: '63.11.06.2005' })
  @Matches(DESA_KODE, { message: DESA_KODE_MESSAGE })
  desaKode: string;

  @ApiPropertyOptional({
    description: 'Alamat (RT/RW, jalan, landmark).',
    example: 'RT 03, dekat masjid',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  alamat?: string;

  @ApiProperty({ type: [VictimPersonDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => VictimPersonDto)
  members: VictimPersonDto[];
}

export class RegisterVictimsDto {
  @ApiPropertyOptional({ description: 'People registered one by one.', type: [VictimPersonDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => VictimPersonDto)
  people?: VictimPersonDto[];

  @ApiPropertyOptional({
    description: 'Families registered with their members.',
    type: [VictimHouseholdDto],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => VictimHouseholdDto)
  households?: VictimHouseholdDto[];
}
