import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RENJA_VERSI, SUMBER_DANA, type RenjaVersi } from '@pilar/planning';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

/** Omitted optional fields keep their value; null clears them. */
export class PutRenjaLineDto {
  @ApiProperty({ description: 'Pagu in whole rupiah.', example: 402000000 })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  pagu: number;

  @ApiPropertyOptional({
    description: 'The version this pagu belongs to (MURNI when omitted); the other is kept.',
    enum: RENJA_VERSI,
    example: 'PERUBAHAN',
  })
  @IsOptional()
  @IsIn(RENJA_VERSI)
  versi?: RenjaVersi;

  @ApiPropertyOptional({
    description: 'Lokasi.',
    example: 'Balangan',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(200)
  lokasi?: string | null;

  @ApiPropertyOptional({
    description: 'Sumber dana.',
    enum: SUMBER_DANA,
    example: 'APBD',
    nullable: true,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(SUMBER_DANA)
  sumberDana?: string | null;

  @ApiPropertyOptional({
    description: 'Unit penanggung jawab (bidang).',
    example: 'Bidang Rehabilitasi Sosial',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(200)
  penanggungJawab?: string | null;
}
