import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPORT_FORMATS, type ReportFormat } from '@pilar/reports';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { IsFiscalYear } from '../../common/validators';

export class ReportQueryDto {
  @ApiProperty({ description: 'Fiscal year.', example: 2022 })
  @IsFiscalYear()
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
