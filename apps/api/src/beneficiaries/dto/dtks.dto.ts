import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min, ValidateIf } from 'class-validator';
import { IsCalendarDate } from './registry-validators';

/** DTKS membership of a family; on a beneficiary it is recorded on their household. */
export class DtksDto {
  @ApiProperty({ description: 'The family is in DTKS.', example: true })
  @IsBoolean()
  registered: boolean;

  @ApiPropertyOptional({
    description: "The family's DTKS id.",
    example: 'DTKS-6311-000123',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(/^[A-Za-z0-9._-]{1,40}$/, { message: 'must be 1-40 letters, digits, . _ or -' })
  dtksId?: string | null;

  @ApiPropertyOptional({
    description: 'Welfare decile, 1 (poorest) to 10.',
    example: 1,
    nullable: true,
    type: Number,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(10)
  desil?: number | null;

  @ApiPropertyOptional({
    description: 'Day of the last verivali.',
    example: '2026-10-15',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate()
  verifiedOn?: string | null;
}

export class DtksResponse {
  @ApiProperty({ description: 'The family is in DTKS.', example: true })
  registered: boolean;

  @ApiProperty({
    description: "The family's DTKS id.",
    nullable: true,
    type: String,
    example: 'DTKS-6311-000123',
  })
  dtksId: string | null;

  @ApiProperty({
    description: 'Welfare decile, 1 (poorest) to 10.',
    nullable: true,
    type: Number,
    example: 1,
  })
  desil: number | null;

  @ApiProperty({
    description: 'Day of the last verivali.',
    nullable: true,
    type: String,
    example: '2026-10-15',
  })
  verifiedOn: string | null;
}
