import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class NomenclatureQueryDto {
  @ApiPropertyOptional({
    description: 'Root of the subtree (urusan, bidang, program or kegiatan code).',
    example: '1.06',
  })
  @IsOptional()
  @Matches(/^\d(\.\d{2}(\.\d{2}(\.\d\.\d{2}(\.\d{2,4})?)?)?)?$/, {
    message: 'must be a nomenclature code such as 1.06.04',
  })
  kode?: string;
}

export class NomenclatureNodeResponse {
  @ApiProperty({
    description: 'Canonical code (sub-kegiatan with 4 digits).',
    example: '1.06.04.2.01.0004',
  })
  kode: string;

  @ApiProperty({
    description: 'Level.',
    enum: ['URUSAN', 'BIDANG', 'PROGRAM', 'KEGIATAN', 'SUB_KEGIATAN'],
    example: 'SUB_KEGIATAN',
  })
  tingkat: string;

  @ApiProperty({ description: 'Name.', example: 'Pemberian Pelayanan Reunifikasi Keluarga' })
  nama: string;

  @ApiProperty({ description: 'Child nodes.', type: () => [NomenclatureNodeResponse] })
  children: NomenclatureNodeResponse[];
}

export class JobAcceptedResponse {
  @ApiProperty({
    description: 'Follow it at GET /jobs/{jobId}.',
    example: '0b6c1f0e-6f8e-4a53-9d43-1f3c1d0b9d1e',
  })
  jobId: string;
}

export class CsvUploadDto {
  @ApiProperty({
    description: 'CSV file (comma or semicolon separated, UTF-8).',
    type: 'string',
    format: 'binary',
    example: 'data.csv',
  })
  file: unknown;
}
