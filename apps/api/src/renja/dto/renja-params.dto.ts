import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RENJA_VERSI, type RenjaVersi } from '@pilar/planning';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { IsFiscalYear } from '../../common/validators';

/** A sub-kegiatan code, 4-digit or the 2-digit form printed in the documents. */
export const SUB_KEGIATAN_KODE = /^\d[.\s]\d{2}[.\s]\d{2}[.\s]\d[.\s]\d{2}[.\s](\d{2}|\d{4})$/;

export class RenjaYearParam {
  @ApiProperty({ description: 'Fiscal year.', example: 2022 })
  @IsFiscalYear()
  year: number;
}

export class RenjaLineParam extends RenjaYearParam {
  @ApiProperty({
    description: 'Sub-kegiatan code, 4-digit or 2-digit form (stored as 4 digits).',
    example: '1.06.04.2.01.0004',
  })
  @Matches(SUB_KEGIATAN_KODE, { message: 'must be a sub-kegiatan code such as 1.06.04.2.01.0004' })
  kode: string;
}

export class RenjaCopyParam extends RenjaYearParam {
  @ApiProperty({ description: 'The earlier year whose Renja is copied.', example: 2022 })
  @IsFiscalYear()
  previousYear: number;
}

export class RenjaVersiQuery {
  @ApiPropertyOptional({
    description:
      'MURNI: the plan as adopted. PERUBAHAN or omitted: each line as last revised (its PERUBAHAN pagu when the Renja Perubahan changed it, else MURNI).',
    enum: RENJA_VERSI,
    example: 'MURNI',
  })
  @IsOptional()
  @IsIn(RENJA_VERSI)
  versi?: RenjaVersi;
}
