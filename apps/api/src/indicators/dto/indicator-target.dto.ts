import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RENJA_VERSI, type RenjaVersi } from '@pilar/planning';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  Max,
  Min,
} from 'class-validator';

/** Up to 4 decimals: targets such as 1,48 or 12.084 are stored exactly. */
const DECIMAL = { maxDecimalPlaces: 4, allowNaN: false, allowInfinity: false };
const LARGEST = 1e12;

export class PutTargetDto {
  @ApiProperty({ description: 'Annual target, in the indicator unit.', example: 12084 })
  @IsNumber(DECIMAL)
  @Min(0)
  @Max(LARGEST)
  annual: number;

  @ApiPropertyOptional({
    description:
      'Target of each quarter on its own (TW I–IV). For SUM indicators they must add up to the annual target.',
    example: [3000, 3000, 3000, 3084],
    type: [Number],
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(4)
  @ArrayMaxSize(4)
  @IsNumber(DECIMAL, { each: true })
  @Min(0, { each: true })
  @Max(LARGEST, { each: true })
  triwulan?: number[];

  @ApiPropertyOptional({
    description:
      'Instead of triwulan: the share (%) of the annual target planned in each quarter, adding up to 100. Pilar stores the quarter targets annual × share / 100, exactly.',
    example: [25, 15, 35, 25],
    type: [Number],
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(4)
  @ArrayMaxSize(4)
  @IsNumber(DECIMAL, { each: true })
  @Min(0, { each: true })
  @Max(100, { each: true })
  triwulanShares?: number[];

  @ApiPropertyOptional({
    description: 'The Renja version this target belongs to (MURNI when omitted).',
    enum: RENJA_VERSI,
    example: 'MURNI',
  })
  @IsOptional()
  @IsIn(RENJA_VERSI)
  versi?: RenjaVersi;
}

export class PutRenstraTargetDto {
  @ApiProperty({ description: 'Last year of the Renstra period.', example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  endYear: number;

  @ApiProperty({ description: 'Target at the end of the period.', example: 100 })
  @IsNumber(DECIMAL)
  @Min(0)
  @Max(LARGEST)
  target: number;
}

export class PutManualValueDto {
  @ApiProperty({
    description: 'The figure for that triwulan, in the indicator unit.',
    example: 92.74,
  })
  @IsNumber(DECIMAL)
  @Min(-LARGEST)
  @Max(LARGEST)
  value: number;
}
