import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CASE_DOCUMENT_KINDS,
  CASE_STATUSES,
  CASE_TYPES,
  CaseDocumentKind,
  CaseStatus,
  CaseType,
} from '@pilar/casework';
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
import { PageQueryDto } from '../../common/list.dto';
import {
  DESA_KODE,
  DESA_KODE_MESSAGE,
  ISO_DATE,
  ISO_DATE_MESSAGE,
  KABUPATEN_KODE,
} from '../../service-events/dto/casework-validators';

export class CaseIdParam {
  @ApiProperty({ description: 'Case id.', example: '9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a' })
  @IsUUID('all')
  id: string;
}

export class CaseDocumentParams extends CaseIdParam {
  @ApiProperty({
    description: 'Which document of the checklist.',
    enum: CASE_DOCUMENT_KINDS,
    example: 'IDENTITAS',
  })
  @IsIn(CASE_DOCUMENT_KINDS)
  kind: CaseDocumentKind;
}

export class OpenCaseDto {
  @ApiPropertyOptional({
    description:
      'Client-generated UUID: a retry with the same id and payload returns the original (200).',
    example: '9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a',
  })
  @IsOptional()
  @IsUUID('all')
  id?: string;

  @ApiProperty({ description: 'Kind of case.', enum: CASE_TYPES, example: 'REUNIFIKASI' })
  @IsIn(CASE_TYPES)
  type: CaseType;

  @ApiProperty({
    description: 'The person the case is about.',
    example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  })
  @IsUUID('all')
  beneficiaryId: string;

  @ApiProperty({
    description: 'What was reported.',
    example: 'Orang terlantar ditemukan di Terminal Paringin, mengaku berasal dari Surabaya.',
  })
  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  @MaxLength(4000)
  summary: string;

  @ApiPropertyOptional({
    description: 'The worker who handles it.',
    example: '5f1c1b7e-2f7a-4c55-9c53-1c7d5b8f0a11',
  })
  @IsOptional()
  @IsUUID('all')
  assignedTo?: string;
}

export class TransitionCaseDto {
  @ApiProperty({ description: 'The next status.', enum: CASE_STATUSES, example: 'ASSESSMENT' })
  @IsIn(CASE_STATUSES)
  to: CaseStatus;

  @ApiProperty({
    description: 'Why, or what was done.',
    example: 'Asesmen awal oleh TKSK Paringin.',
  })
  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  @MaxLength(4000)
  note: string;

  @ApiPropertyOptional({
    description: 'Required when moving to REFERRED: the panti, UPT or LKS.',
    example: 'UPT Pelayanan Sosial Tresna Werdha Budi Sejahtera',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  referredTo?: string;

  @ApiPropertyOptional({ description: 'The version you read (409 when stale).', example: 3 })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class AssignCaseDto {
  @ApiProperty({
    description: 'The worker to assign, or null to unassign.',
    example: '5f1c1b7e-2f7a-4c55-9c53-1c7d5b8f0a11',
    nullable: true,
    type: String,
  })
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all')
  userId: string | null;

  @ApiPropertyOptional({ description: 'The version you read (409 when stale).', example: 2 })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class CaseFamilyDto {
  @ApiProperty({ description: 'Name of the family contact found.', example: 'Siti Aminah' })
  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ description: 'Relation to the person.', example: 'Ibu kandung' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  relationship?: string;

  @ApiProperty({
    description: 'The family’s desa, anywhere in Indonesia.',
    example: '35.78.01.1001',
  })
  @Matches(DESA_KODE, { message: DESA_KODE_MESSAGE })
  desaKode: string;

  @ApiPropertyOptional({ description: 'Address.', example: 'Jl. Kenjeran Gg. 3 No. 12' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  alamat?: string;

  @ApiPropertyOptional({ description: 'Phone or other contact.', example: '0812-5555-0101' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  contact?: string;

  @ApiPropertyOptional({ description: 'When the family was found.', example: '2026-11-20' })
  @IsOptional()
  @Matches(ISO_DATE, { message: ISO_DATE_MESSAGE })
  foundOn?: string;

  @ApiPropertyOptional({ description: 'The version you read (409 when stale).', example: 2 })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class CaseDocumentDto {
  @ApiPropertyOptional({
    description: 'Nomor surat or document number.',
    example: '460/123/Dinsos/2026',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string;

  @ApiProperty({ description: 'Who issued it.', example: 'Dinas Sosial Kabupaten Balangan' })
  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  @MaxLength(300)
  issuedBy: string;

  @ApiPropertyOptional({ description: 'Date of issue.', example: '2026-11-21' })
  @IsOptional()
  @Matches(ISO_DATE, { message: ISO_DATE_MESSAGE })
  issuedOn?: string;
}

export class RelayLegDto {
  @ApiProperty({
    description: 'The agency that received the person.',
    example: 'Dinas Sosial Kota Banjarmasin',
  })
  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  @MaxLength(300)
  receivingAgency: string;

  @ApiProperty({ description: 'Its kabupaten/kota code.', example: '63.71' })
  @Matches(KABUPATEN_KODE, { message: 'must be a kabupaten/kota code such as 63.71' })
  receivingWilayahKode: string;

  @ApiProperty({ description: 'Date of the hand-over.', example: '2026-11-22' })
  @Matches(ISO_DATE, { message: ISO_DATE_MESSAGE })
  handedOverOn: string;

  @ApiPropertyOptional({ description: 'Free text.', example: 'Diantar dengan mobil dinas.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ListCasesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Cases of this person.',
    example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  })
  @IsOptional()
  @IsUUID('all')
  beneficiaryId?: string;

  @ApiPropertyOptional({ enum: CASE_STATUSES, example: 'INTERVENTION' })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @ApiPropertyOptional({ enum: CASE_TYPES, example: 'REUNIFIKASI' })
  @IsOptional()
  @IsIn(CASE_TYPES)
  type?: CaseType;

  @ApiPropertyOptional({
    description: 'Assigned to this worker.',
    example: '5f1c1b7e-2f7a-4c55-9c53-1c7d5b8f0a11',
  })
  @IsOptional()
  @IsUUID('all')
  assignedTo?: string;
}
