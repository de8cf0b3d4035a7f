import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Household, HouseholdDetail, HouseholdListItem, maskIdentityNumber } from '@pilar/registry';
import { BeneficiaryListItemResponse } from '../../beneficiaries/dto/beneficiary.response';
import { DtksResponse } from '../../beneficiaries/dto/dtks.dto';
import {
  PpksClassificationResponse,
  toPpksResponses,
} from '../../beneficiaries/dto/ppks-classification.dto';

export class HouseholdResponse {
  @ApiProperty({ description: 'Household id.', example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f' })
  id: string;

  @ApiProperty({
    description:
      'KK number: in full on GET /households/{id} (each read audited), masked otherwise.',
    nullable: true,
    type: String,
    example: '6311062001090002',
  })
  noKk: string | null;

  @ApiProperty({ description: 'Desa of the family.', example: '63.11.06.2005' })
  desaKode: string;

  @ApiProperty({
    description: 'Alamat (RT/RW, jalan).',
    nullable: true,
    type: String,
    example: 'RT 02 Desa Balang',
  })
  alamat: string | null;

  @ApiProperty({ type: DtksResponse })
  dtks: DtksResponse;

  @ApiPropertyOptional({
    description: 'Members you may see, NIK masked (GET /households/{id} only).',
    type: [BeneficiaryListItemResponse],
  })
  members?: BeneficiaryListItemResponse[];

  @ApiProperty({ description: 'Family-level PPKS periods.', type: [PpksClassificationResponse] })
  ppks: PpksClassificationResponse[];

  @ApiProperty({ description: 'Optimistic-lock version; send it back with PATCH.', example: 1 })
  version: number;

  @ApiProperty({
    description: 'When the household was registered.',
    example: '2026-11-25T03:00:00.000Z',
  })
  createdAt: string;

  @ApiProperty({ description: 'Last change.', example: '2026-11-25T03:00:00.000Z' })
  updatedAt: string;
}

export class HouseholdListItemResponse {
  @ApiProperty({ description: 'Household id.', example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f' })
  id: string;

  @ApiProperty({
    description: 'Masked KK number.',
    nullable: true,
    type: String,
    example: '6311********0002',
  })
  noKk: string | null;

  @ApiProperty({ description: 'Desa of the family.', example: '63.11.06.2005' })
  desaKode: string;

  @ApiProperty({
    description: 'Alamat (RT/RW, jalan).',
    nullable: true,
    type: String,
    example: 'RT 02 Desa Balang',
  })
  alamat: string | null;

  @ApiProperty({ description: 'The family is in DTKS.', example: true })
  dtksRegistered: boolean;

  @ApiProperty({
    description: 'DTKS welfare decile, 1 (poorest) to 10.',
    nullable: true,
    type: Number,
    example: 1,
  })
  desil: number | null;

  @ApiProperty({ description: 'Number of registered members (anggota keluarga).', example: 4 })
  memberCount: number;

  @ApiProperty({ description: 'Optimistic-lock version; send it back with PATCH.', example: 1 })
  version: number;
}

export class HouseholdPageResponse {
  @ApiProperty({ type: [HouseholdListItemResponse] })
  items: HouseholdListItemResponse[];

  @ApiProperty({
    description: 'Cursor of the next page; null on the last.',
    nullable: true,
    type: String,
    example: null,
  })
  nextCursor: string | null;
}

/** A household as written (KK number masked). */
export function toHouseholdResponse(household: Household): HouseholdResponse {
  return {
    id: household.id,
    noKk: maskIdentityNumber(household.noKk),
    desaKode: household.desaKode,
    alamat: household.alamat,
    dtks: {
      registered: household.dtksRegistered,
      dtksId: household.dtksId,
      desil: household.desil,
      verifiedOn: household.dtksVerifiedOn,
    },
    ppks: toPpksResponses(household.classifications ?? []),
    version: household.version,
    createdAt: household.createdAt.toISOString(),
    updatedAt: household.updatedAt.toISOString(),
  };
}

/** The detail view: the full KK number (its read is audited) and the members. */
export function toHouseholdDetailResponse(detail: HouseholdDetail): HouseholdResponse {
  return {
    ...toHouseholdResponse(detail.household),
    noKk: detail.household.noKk,
    members: detail.members.map((m) => ({ ...m })),
  };
}

export function toHouseholdListItemResponse(item: HouseholdListItem): HouseholdListItemResponse {
  return { ...item };
}
