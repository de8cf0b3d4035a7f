import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  DESA_KODE,
  DESA_KODE_MESSAGE,
  IsRupiah,
  ISO_DATE,
  ISO_DATE_MESSAGE,
  NOMENCLATURE_KODE,
  REFERENCE_KODE,
} from './casework-validators';

export class LocationDto {
  @ApiProperty({ description: 'Latitude (WGS 84), −90…90.', example: -2.3317 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat: number;

  @ApiProperty({ description: 'Longitude (WGS 84), −180…180.', example: 115.4576 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lon: number;
}

export class RecordServiceEventDto {
  @ApiPropertyOptional({
    description:
      'Client-generated UUID. A retry with the same id and payload returns the original (200); a different payload is 409 IDEMPOTENCY_CONFLICT. Required in a batch.',
    example: '3b0f6a52-8d4e-4c1a-9f57-5c1e2d7a9b10',
  })
  @IsOptional()
  @IsUUID('all')
  id?: string;

  @ApiProperty({ description: 'Service type kode (GET /service-types).', example: 'PERMAKANAN' })
  @Matches(REFERENCE_KODE, { message: 'must be a service type kode such as PERMAKANAN' })
  type: string;

  @ApiPropertyOptional({
    description: 'The person served (or give householdId).',
    example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  })
  @IsOptional()
  @IsUUID('all')
  beneficiaryId?: string;

  @ApiPropertyOptional({
    description: 'The household served (or give beneficiaryId).',
    example: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
  })
  @IsOptional()
  @IsUUID('all')
  householdId?: string;

  @ApiPropertyOptional({
    description:
      "The sub-kegiatan that paid (4-digit or the Renja's 2-digit form); must be in the Renja of the event's year. Only a KUNJUNGAN may omit it.",
    example: '1.06.04.2.01.0001',
  })
  @IsOptional()
  @Matches(NOMENCLATURE_KODE, { message: 'must be a sub-kegiatan code such as 1.06.04.2.01.0001' })
  subKegiatanKode?: string;

  @ApiProperty({
    description: "Date of the service in the agency's time zone; not in the future.",
    example: '2026-11-24',
  })
  @Matches(ISO_DATE, { message: ISO_DATE_MESSAGE })
  date: string;

  @ApiPropertyOptional({ description: 'How many (default 1).', example: 5 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 })
  @Min(0.001)
  @Max(1_000_000_000)
  quantity?: number;

  @ApiPropertyOptional({ description: 'Unit of the quantity.', example: 'paket' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  unit?: string;

  @ApiPropertyOptional({ description: 'Value in whole rupiah (default 0).', example: 250000 })
  @IsOptional()
  @IsRupiah()
  amount?: number;

  @ApiPropertyOptional({
    description: "Desa where it was given; defaults to the recipient's desa.",
    example: '63.11.06.2005',
  })
  @IsOptional()
  @Matches(DESA_KODE, { message: DESA_KODE_MESSAGE })
  desaKode?: string;

  @ApiPropertyOptional({
    description: 'The case this service belongs to (same person).',
    example: '9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a',
  })
  @IsOptional()
  @IsUUID('all')
  caseId?: string;

  @ApiPropertyOptional({
    description:
      "The disaster it answers. Omitted: linked automatically when the recipient is a victim and the date falls in the disaster's tanggap darurat.",
    example: '2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b',
  })
  @IsOptional()
  @IsUUID('all')
  disasterId?: string;

  @ApiPropertyOptional({ description: 'Free text.', example: 'Diterima oleh anak kandung.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;

  @ApiPropertyOptional({ description: 'Where it was given (GPS).', type: LocationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto;
}
