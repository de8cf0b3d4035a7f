import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PPKS_SOURCES, PpksClassification, PpksSource, VerificationStatus } from '@pilar/registry';
import { IsBoolean, IsIn, IsOptional, IsUUID, Matches, ValidateIf } from 'class-validator';
import { IsCalendarDate, PPKS_KODE } from './registry-validators';

export class PpksEntryDto {
  @ApiProperty({ description: 'PPKS type (GET /ppks-types).', example: 'LANJUT_USIA_TERLANTAR' })
  @Matches(PPKS_KODE, { message: 'must be a PPKS kode such as LANJUT_USIA_TERLANTAR' })
  kode: string;

  @ApiProperty({ description: 'First day the type applies.', example: '2026-01-15' })
  @IsCalendarDate()
  since: string;

  @ApiPropertyOptional({
    description: 'Last day it applies; omit while it still does.',
    example: '2026-12-31',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate()
  until?: string | null;

  @ApiPropertyOptional({
    description: 'Who said so (default ASSESSMENT).',
    enum: PPKS_SOURCES,
    example: 'TKSK_REPORT',
  })
  @IsOptional()
  @IsIn(PPKS_SOURCES)
  source?: PpksSource;

  @ApiPropertyOptional({
    description: 'Neglected (terlantar): SPM A counts penyandang disabilitas only then.',
    example: true,
  })
  @IsOptional()
  @IsBoolean()
  terlantar?: boolean;

  @ApiPropertyOptional({
    description: 'The disaster of a KORBAN_BENCANA_* classification.',
    example: '7d0b0f3e-2c1a-4e5b-9a53-0c6f1d2e3a4b',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  disasterId?: string | null;
}

export class UpdatePpksDto {
  @ApiPropertyOptional({
    description: 'Ends the period on this day (null reopens it).',
    example: '2026-06-30',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate()
  until?: string | null;

  @ApiPropertyOptional({ description: 'Neglected (terlantar).', example: false })
  @IsOptional()
  @IsBoolean()
  terlantar?: boolean;
}

export class ReviewPpksDto {
  @ApiProperty({
    description: 'The review of a PROPOSED classification.',
    enum: ['VERIFIED', 'REJECTED'],
    example: 'VERIFIED',
  })
  @IsIn(['VERIFIED', 'REJECTED'])
  status: Exclude<VerificationStatus, 'PROPOSED'>;
}

export class PpksIdParams {
  @ApiProperty({
    description: 'Beneficiary or household id.',
    example: '2f0c8a47-8a7e-4c3e-9d5b-6d3f1a2b4c5d',
  })
  @IsUUID()
  id: string;

  @ApiProperty({
    description: 'Classification id.',
    example: '9b1d3c2e-1f4a-4b6c-8d7e-0a1b2c3d4e5f',
  })
  @IsUUID()
  ppksId: string;
}

export class PpksClassificationResponse {
  @ApiProperty({
    description: 'Classification id.',
    example: '9b1d3c2e-1f4a-4b6c-8d7e-0a1b2c3d4e5f',
  })
  id: string;

  @ApiProperty({ description: 'PPKS type.', example: 'FAKIR_MISKIN' })
  kode: string;

  @ApiProperty({
    description: 'Held by the person (PERSON) or by their family (HOUSEHOLD, types counted in KK).',
    enum: ['PERSON', 'HOUSEHOLD'],
    example: 'HOUSEHOLD',
  })
  level: 'PERSON' | 'HOUSEHOLD';

  @ApiProperty({
    description: 'The person (level PERSON); null for a family-level one.',
    nullable: true,
    type: String,
    example: null,
  })
  beneficiaryId: string | null;

  @ApiProperty({
    description: 'The family (level HOUSEHOLD); null for a person-level one.',
    nullable: true,
    type: String,
    example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  })
  householdId: string | null;

  @ApiProperty({ description: 'First day the type applies.', example: '2026-01-15' })
  since: string;

  @ApiProperty({
    description: 'Last day it applies; null while it still does.',
    nullable: true,
    type: String,
    example: null,
  })
  until: string | null;

  @ApiProperty({
    description: 'Who said so: DTKS, ASSESSMENT, TKSK_REPORT or IMPORT.',
    enum: PPKS_SOURCES,
    example: 'DTKS',
  })
  source: PpksSource;

  @ApiProperty({
    description: 'Neglected (terlantar): SPM A counts penyandang disabilitas only then.',
    example: false,
  })
  terlantar: boolean;

  @ApiProperty({
    description: 'PROPOSED until Dinsos staff verify or reject it.',
    enum: ['PROPOSED', 'VERIFIED', 'REJECTED'],
    example: 'VERIFIED',
  })
  verification: VerificationStatus;

  @ApiProperty({
    description: 'Who verified or rejected it.',
    nullable: true,
    type: String,
    example: null,
  })
  reviewedBy: string | null;

  @ApiProperty({
    description: 'When it was verified or rejected.',
    nullable: true,
    type: String,
    example: '2026-02-01T03:00:00.000Z',
  })
  reviewedAt: string | null;

  @ApiProperty({
    description: 'The disaster of a KORBAN_BENCANA_* classification.',
    nullable: true,
    type: String,
    example: null,
  })
  disasterId: string | null;
}

export function toPpksResponse(c: PpksClassification): PpksClassificationResponse {
  return {
    id: c.id,
    kode: c.ppksKode,
    level: c.beneficiaryId ? 'PERSON' : 'HOUSEHOLD',
    beneficiaryId: c.beneficiaryId,
    householdId: c.householdId,
    since: c.since,
    until: c.until,
    source: c.source,
    terlantar: c.terlantar,
    verification: c.verification,
    reviewedBy: c.reviewedBy,
    reviewedAt: c.reviewedAt?.toISOString() ?? null,
    disasterId: c.disasterId,
  };
}

/** Oldest first, as a history reads. */
export function toPpksResponses(rows: PpksClassification[]): PpksClassificationResponse[] {
  return [...rows]
    .sort((a, b) => a.since.localeCompare(b.since) || a.ppksKode.localeCompare(b.ppksKode))
    .map(toPpksResponse);
}
