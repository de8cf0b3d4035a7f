import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  INDICATOR_LEVELS,
  RENJA_VERSI,
  type IndicatorLevel,
  type RenjaVersi,
} from '@pilar/planning';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQueryDto } from '../../common/list.dto';
import { IsFiscalYear, IsTriwulan } from '../../common/validators';

export class IndicatorIdParam {
  @ApiProperty({ description: 'Indicator id.', example: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b' })
  @IsUUID()
  id: string;
}

export class IndicatorYearParam extends IndicatorIdParam {
  @ApiProperty({ description: 'Fiscal year.', example: 2022 })
  @IsFiscalYear()
  year: number;
}

export class ManualValueParam extends IndicatorYearParam {
  @ApiProperty({ description: 'Triwulan, 1 to 4.', example: 2 })
  @IsTriwulan()
  triwulan: number;
}

export class RenstraTargetParam extends IndicatorIdParam {
  @ApiProperty({ description: 'First year of the Renstra period.', example: 2021 })
  @IsFiscalYear()
  startYear: number;
}

export class IndicatorVersiQuery {
  @ApiPropertyOptional({
    description: 'Targets of the Renja MURNI; omitted: each year as last revised.',
    enum: RENJA_VERSI,
    example: 'MURNI',
  })
  @IsOptional()
  @IsIn(RENJA_VERSI)
  versi?: RenjaVersi;
}

export class IndicatorListQuery extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only indicators with a target that year.', example: 2022 })
  @IsOptional()
  @IsFiscalYear()
  year?: number;

  @ApiPropertyOptional({ description: 'Level.', enum: INDICATOR_LEVELS, example: 'SUB_KEGIATAN' })
  @IsOptional()
  @IsIn(INDICATOR_LEVELS)
  level?: IndicatorLevel;

  @ApiPropertyOptional({
    description: 'Only indicators at or under this program, kegiatan or sub-kegiatan.',
    example: '1.06.04',
  })
  @IsOptional()
  @Matches(/^\d\.\d{2}\.\d{2}(\.\d\.\d{2}(\.\d{2,4})?)?$/, {
    message: 'must be a program, kegiatan or sub-kegiatan code such as 1.06.04',
  })
  kode?: string;

  @ApiPropertyOptional({
    description: 'Targets of the Renja MURNI; omitted: each year as last revised.',
    enum: RENJA_VERSI,
    example: 'MURNI',
  })
  @IsOptional()
  @IsIn(RENJA_VERSI)
  versi?: RenjaVersi;
}
