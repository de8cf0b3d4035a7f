import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/list.dto';
import {
  ISO_DATE,
  ISO_DATE_MESSAGE,
  NOMENCLATURE_KODE,
  REFERENCE_KODE,
  WILAYAH_KODE,
} from './casework-validators';

export class ServiceEventIdParam {
  @ApiProperty({
    description: 'Service event id.',
    example: '3b0f6a52-8d4e-4c1a-9f57-5c1e2d7a9b10',
  })
  @IsUUID('all')
  id: string;
}

export class ListServiceEventsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Services to this person.',
    example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  })
  @IsOptional()
  @IsUUID('all')
  beneficiaryId?: string;

  @ApiPropertyOptional({
    description: 'Services to this household.',
    example: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
  })
  @IsOptional()
  @IsUUID('all')
  householdId?: string;

  @ApiPropertyOptional({
    description: 'Paid by this sub-kegiatan, or by any under this kegiatan or program.',
    example: '1.06.04.2.01.0001',
  })
  @IsOptional()
  @Matches(NOMENCLATURE_KODE, { message: 'must be a nomenclature code such as 1.06.04.2.01' })
  subKegiatanKode?: string;

  @ApiPropertyOptional({ description: 'Service type.', example: 'PERMAKANAN' })
  @IsOptional()
  @Matches(REFERENCE_KODE, { message: 'must be a service type kode' })
  type?: string;

  @ApiPropertyOptional({ description: 'From this date (inclusive).', example: '2026-01-01' })
  @IsOptional()
  @Matches(ISO_DATE, { message: ISO_DATE_MESSAGE })
  from?: string;

  @ApiPropertyOptional({ description: 'Until this date (inclusive).', example: '2026-03-31' })
  @IsOptional()
  @Matches(ISO_DATE, { message: ISO_DATE_MESSAGE })
  to?: string;

  @ApiPropertyOptional({ description: 'Given in this kecamatan or desa.', example: '63.11.06' })
  @IsOptional()
  @Matches(WILAYAH_KODE, { message: 'must be a wilayah code such as 63.11.06' })
  wilayahKode?: string;

  @ApiPropertyOptional({
    description: 'Recorded by this user.',
    example: '5f1c1b7e-2f7a-4c55-9c53-1c7d5b8f0a11',
  })
  @IsOptional()
  @IsUUID('all')
  recordedBy?: string;

  @ApiPropertyOptional({
    description: 'Within this case.',
    example: '9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a',
  })
  @IsOptional()
  @IsUUID('all')
  caseId?: string;

  @ApiPropertyOptional({
    description: 'Answering this disaster.',
    example: '2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b',
  })
  @IsOptional()
  @IsUUID('all')
  disasterId?: string;
}

export class VoidServiceEventDto {
  @ApiProperty({
    description: 'Why the record is wrong.',
    example: 'Tercatat dua kali; lihat kunjungan 24/11.',
  })
  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  @MaxLength(1000)
  reason: string;
}
