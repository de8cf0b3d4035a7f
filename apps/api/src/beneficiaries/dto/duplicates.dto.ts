import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { DuplicatePair, NotDuplicateDecision } from '@pilar/registry';
import { Type } from 'class-transformer';
import { IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../common/list.dto';
import { BeneficiaryListItemResponse } from './beneficiary.response';

export class SimilarityQueryDto {
  @ApiPropertyOptional({
    description: 'Smallest name similarity (0.3–1) listed; default 0.6.',
    example: 0.6,
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0.3)
  @Max(1)
  minSimilarity?: number;
}

export class DuplicatesQueryDto extends IntersectionType(PageQueryDto, SimilarityQueryDto) {}

export class DuplicatePairResponse {
  @ApiProperty({ type: BeneficiaryListItemResponse })
  first: BeneficiaryListItemResponse;

  @ApiProperty({ type: BeneficiaryListItemResponse })
  second: BeneficiaryListItemResponse;

  @ApiProperty({ description: 'Name similarity (0–1).', example: 0.61 })
  similarity: number;
}

export class DuplicatePageResponse {
  @ApiProperty({ type: [DuplicatePairResponse] })
  items: DuplicatePairResponse[];

  @ApiProperty({
    description: 'Cursor of the next page; null on the last.',
    nullable: true,
    type: String,
    example: null,
  })
  nextCursor: string | null;
}

export class NotDuplicateDto {
  @ApiProperty({
    description: 'The record that is a different person.',
    example: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
  })
  @IsUUID()
  otherId: string;

  @ApiPropertyOptional({
    description: 'Why (for the next reviewer).',
    example: 'Kembar, beda ibu kandung dicek di KK',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class NotDuplicateResponse {
  @ApiProperty({
    description: 'The record in the path.',
    example: '2f0c8a47-8a7e-4c3e-9d5b-6d3f1a2b4c5d',
  })
  beneficiaryId: string;

  @ApiProperty({
    description: 'The record judged to be a different person.',
    example: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
  })
  otherId: string;

  @ApiProperty({
    description: 'When the decision was recorded.',
    example: '2026-11-25T03:00:00.000Z',
  })
  decidedAt: string;
}

export class MergeDto {
  @ApiProperty({
    description: 'The record that survives; the one in the path is merged into it.',
    example: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
  })
  @IsUUID()
  intoId: string;
}

export function toDuplicatePairResponse(pair: DuplicatePair): DuplicatePairResponse {
  return { first: { ...pair.first }, second: { ...pair.second }, similarity: pair.similarity };
}

export function toNotDuplicateResponse(d: NotDuplicateDecision): NotDuplicateResponse {
  return {
    beneficiaryId: d.beneficiaryId,
    otherId: d.otherId,
    decidedAt: d.decidedAt.toISOString(),
  };
}
