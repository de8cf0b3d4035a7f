import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  Beneficiary,
  BeneficiarySearchItem,
  BeneficiaryStatus,
  BENEFICIARY_STATUSES,
  maskIdentityNumber,
  NikStatus,
  Relationship,
  Sex,
} from '@pilar/registry';
import { kecamatanKodeOf } from '@pilar/wilayah';
import { DtksResponse } from './dtks.dto';
import { PpksClassificationResponse, toPpksResponses } from './ppks-classification.dto';
import { RELATIONSHIPS } from './registry-validators';

/** A person in a list: NIK and KK number masked. */
export class BeneficiaryListItemResponse {
  @ApiProperty({ description: 'Beneficiary id.', example: '2f0c8a47-8a7e-4c3e-9d5b-6d3f1a2b4c5d' })
  id: string;

  @ApiProperty({
    description: 'Masked NIK.',
    nullable: true,
    type: String,
    example: '6311********0001',
  })
  nik: string | null;

  @ApiProperty({
    description: 'NONE while the person has no NIK.',
    enum: ['NONE', 'VALID'],
    example: 'VALID',
  })
  nikStatus: NikStatus;

  @ApiProperty({ description: 'Full name.', example: 'Abdul Hamid' })
  name: string;

  @ApiProperty({ description: 'L (laki-laki) or P (perempuan).', enum: ['L', 'P'], example: 'L' })
  sex: Sex;

  @ApiProperty({ description: 'Tanggal lahir.', example: '1947-08-17' })
  birthDate: string;

  @ApiProperty({ description: 'Desa of residence.', example: '63.11.06.2005' })
  desaKode: string;

  @ApiProperty({
    description: 'The household (KK) the person belongs to.',
    nullable: true,
    type: String,
    example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  })
  householdId: string | null;

  @ApiProperty({
    description: 'Masked KK number.',
    nullable: true,
    type: String,
    example: '6311********0002',
  })
  noKk: string | null;

  @ApiProperty({
    description: 'Hubungan dalam keluarga.',
    enum: RELATIONSHIPS,
    nullable: true,
    example: 'KEPALA_KELUARGA',
  })
  relationship: Relationship | null;

  @ApiProperty({
    description: 'Where the person stands: AKTIF, MENINGGAL, PINDAH, NONAKTIF or MERGED.',
    enum: BENEFICIARY_STATUSES,
    example: 'AKTIF',
  })
  status: BeneficiaryStatus;

  @ApiProperty({ description: 'Optimistic-lock version; send it back with PATCH.', example: 1 })
  version: number;

  @ApiPropertyOptional({
    description: 'Name similarity to q (0–1), when searching by name.',
    example: 0.61,
  })
  similarity?: number;
}

export class BeneficiaryPageResponse {
  @ApiProperty({ type: [BeneficiaryListItemResponse] })
  items: BeneficiaryListItemResponse[];

  @ApiProperty({
    description: 'Cursor of the next page; null on the last.',
    nullable: true,
    type: String,
    example: 'WyJiZW5lZmljaWFyaWVzIl0',
  })
  nextCursor: string | null;
}

/** A person in full: the detail view (whose full NIK read is audited) and write responses. */
export class BeneficiaryResponse {
  @ApiProperty({ description: 'Beneficiary id.', example: '2f0c8a47-8a7e-4c3e-9d5b-6d3f1a2b4c5d' })
  id: string;

  @ApiProperty({
    description: 'Full NIK.',
    nullable: true,
    type: String,
    example: '6311061708470001',
  })
  nik: string | null;

  @ApiProperty({
    description: 'NONE while the person has no NIK.',
    enum: ['NONE', 'VALID'],
    example: 'VALID',
  })
  nikStatus: NikStatus;

  @ApiProperty({ description: 'Full name.', example: 'Abdul Hamid' })
  name: string;

  @ApiProperty({ description: 'L (laki-laki) or P (perempuan).', enum: ['L', 'P'], example: 'L' })
  sex: Sex;

  @ApiProperty({ description: 'Tanggal lahir.', example: '1947-08-17' })
  birthDate: string;

  @ApiProperty({ description: 'Tempat lahir.', nullable: true, type: String, example: 'Paringin' })
  birthPlace: string | null;

  @ApiProperty({ description: 'Desa of residence.', example: '63.11.06.2005' })
  desaKode: string;

  @ApiProperty({ description: 'Kecamatan of that desa.', example: '63.11.06' })
  kecamatanKode: string;

  @ApiProperty({
    description: 'Alamat (RT/RW, jalan).',
    nullable: true,
    type: String,
    example: 'RT 02 Desa Balang',
  })
  alamat: string | null;

  @ApiProperty({
    description: 'The household (KK) the person belongs to.',
    nullable: true,
    type: String,
    example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  })
  householdId: string | null;

  @ApiProperty({
    description: "The household's KK number, masked (in full on GET /households/{id}).",
    nullable: true,
    type: String,
    example: '6311********0002',
  })
  noKk: string | null;

  @ApiProperty({
    description: 'Hubungan dalam keluarga.',
    enum: RELATIONSHIPS,
    nullable: true,
    example: 'KEPALA_KELUARGA',
  })
  relationship: Relationship | null;

  @ApiProperty({
    description: 'AKTIF, MENINGGAL, PINDAH, NONAKTIF or MERGED (into another record).',
    enum: BENEFICIARY_STATUSES,
    example: 'AKTIF',
  })
  status: BeneficiaryStatus;

  @ApiProperty({
    description: 'Date of death (status MENINGGAL).',
    nullable: true,
    type: String,
    example: null,
  })
  diedOn: string | null;

  @ApiProperty({ description: "The family's DTKS membership.", type: DtksResponse, nullable: true })
  dtks: DtksResponse | null;

  @ApiProperty({
    description: 'PPKS periods held by the person and, for types counted in KK, by their family.',
    type: [PpksClassificationResponse],
  })
  ppks: PpksClassificationResponse[];

  @ApiProperty({ description: 'Send it back with PATCH (optimistic locking).', example: 1 })
  version: number;

  @ApiProperty({
    description: 'When the person was registered.',
    example: '2026-11-25T03:00:00.000Z',
  })
  createdAt: string;

  @ApiProperty({ description: 'Last change.', example: '2026-11-25T03:00:00.000Z' })
  updatedAt: string;
}

export function toBeneficiaryResponse(b: Beneficiary): BeneficiaryResponse {
  const household = b.household ?? null;
  return {
    id: b.id,
    nik: b.nik,
    nikStatus: b.nik === null ? 'NONE' : 'VALID',
    name: b.name,
    sex: b.sex,
    birthDate: b.birthDate,
    birthPlace: b.birthPlace,
    desaKode: b.desaKode,
    kecamatanKode: kecamatanKodeOf(b.desaKode) ?? b.desaKode,
    alamat: b.alamat,
    householdId: b.householdId,
    noKk: maskIdentityNumber(household?.noKk ?? null),
    relationship: b.relationship,
    status: b.status,
    diedOn: b.diedOn,
    dtks: household
      ? {
          registered: household.dtksRegistered,
          dtksId: household.dtksId,
          desil: household.desil,
          verifiedOn: household.dtksVerifiedOn,
        }
      : null,
    ppks: toPpksResponses([...(b.classifications ?? []), ...(household?.classifications ?? [])]),
    version: b.version,
    createdAt: b.createdAt.toISOString(),
    updatedAt: b.updatedAt.toISOString(),
  };
}

export function toBeneficiaryListItemResponse(
  item: BeneficiarySearchItem,
): BeneficiaryListItemResponse {
  return { ...item };
}
