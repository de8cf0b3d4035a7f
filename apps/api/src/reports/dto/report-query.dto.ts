import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPORT_FORMATS, type ReportFormat } from '@pilar/reports';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class ReportQueryDto {
  @ApiProperty({ description: 'Fiscal year.', example: 2022 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({
    description:
      'json (default), csv (plain numbers) or xlsx (for people: Indonesian number formats).',
    enum: REPORT_FORMATS,
    example: 'xlsx',
    default: 'json',
  })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format: ReportFormat = 'json';
}

export class PpksCoverageQueryDto extends ReportQueryDto {
  @ApiPropertyOptional({
    description:
      "The agency's kabupaten (default: every kecamatan and the total) or one kecamatan.",
    example: '63.11.06',
  })
  @IsOptional()
  @Matches(/^\d{2}\.\d{2}(\.\d{2})?$/, { message: 'must be a kabupaten or kecamatan code' })
  wilayahKode?: string;
}
