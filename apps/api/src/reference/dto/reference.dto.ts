import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Tingkat, Wilayah } from '@pilar/wilayah';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class WilayahQueryDto {
  @ApiPropertyOptional({
    description: 'Parent code: lists its children. Omit for the provinces.',
    example: '63.11',
  })
  @IsOptional()
  @Matches(/^\d{2}(\.\d{2}(\.\d{2})?)?$/, {
    message: 'must be a provinsi, kabupaten or kecamatan code',
  })
  indukKode?: string;

  @ApiPropertyOptional({ description: 'Name search (instead of indukKode).', example: 'paringin' })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({
    description: 'Level filter for a name search.',
    enum: ['PROVINSI', 'KABUPATEN', 'KECAMATAN', 'DESA'],
    example: 'KECAMATAN',
  })
  @IsOptional()
  @IsIn(['PROVINSI', 'KABUPATEN', 'KECAMATAN', 'DESA'])
  tingkat?: Tingkat;
}

export class WilayahKodeParam {
  @ApiProperty({ description: 'Kemendagri code.', example: '63.11.06' })
  @Matches(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, {
    message: 'must be a Kemendagri code such as 63.11.06',
  })
  kode: string;
}

export class WilayahResponse {
  @ApiProperty({ description: 'Kemendagri code.', example: '63.11.06' })
  kode: string;

  @ApiProperty({ description: 'Name.', example: 'Paringin' })
  nama: string;

  @ApiProperty({
    description: 'Level.',
    enum: ['PROVINSI', 'KABUPATEN', 'KECAMATAN', 'DESA'],
    example: 'KECAMATAN',
  })
  tingkat: Tingkat;

  @ApiProperty({
    description: 'Parent code; null for a provinsi.',
    example: '63.11',
    nullable: true,
    type: String,
  })
  indukKode: string | null;
}

export const toWilayahResponse = (w: Wilayah): WilayahResponse => ({
  kode: w.kode,
  nama: w.nama,
  tingkat: w.tingkat,
  indukKode: w.indukKode,
});

export class PpksTypeResponse {
  @ApiProperty({ description: 'Stable code.', example: 'LANSIA_TERLANTAR' })
  kode: string;

  @ApiProperty({ description: 'Number in Permensos 8/2012.', example: 8 })
  nomor: number;

  @ApiProperty({ description: 'Name.', example: 'Lanjut Usia Terlantar' })
  nama: string;

  @ApiProperty({
    description: 'Counted in persons or families.',
    enum: ['JIWA', 'KK'],
    example: 'JIWA',
  })
  satuan: 'JIWA' | 'KK';

  @ApiProperty({
    description: 'SPM bidang sosial service (A–E) this type feeds.',
    example: 'C',
    nullable: true,
    type: String,
  })
  spm: string | null;
}

export class ServiceTypeResponse {
  @ApiProperty({ description: 'Stable code.', example: 'PERMAKANAN' })
  kode: string;

  @ApiProperty({ description: 'Name.', example: 'Permakanan' })
  nama: string;

  @ApiProperty({
    description: 'What the service is.',
    example: 'Paket makanan yang diantar ke rumah PPKS terlantar (SPM)',
  })
  keterangan: string;
}
