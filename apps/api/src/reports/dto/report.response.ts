import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  RealisasiFiguresResponse,
  TriwulanFiguresResponse,
} from '../../indicator-realisasi/dto/realisasi.dto';

class RenstraFiguresResponse {
  @ApiProperty({ description: '(5) target at the end of the Renstra period.', example: 3000 })
  target: number;
  @ApiProperty({
    description: '(6) realisasi of the period up to last year.',
    example: 1150,
    nullable: true,
    type: Number,
  })
  realisasiSdTahunLalu: number | null;
  @ApiProperty({ description: '(14) = 6 + 12.', example: 1606, nullable: true, type: Number })
  realisasiSdTahunIni: number | null;
  @ApiProperty({
    description: '(15) = 14 / 5 × 100.',
    example: 53.53,
    nullable: true,
    type: Number,
  })
  capaian: number | null;
}

class RupiahTriwulanResponse {
  @ApiProperty({ description: 'TW I (rupiah).', example: 50000000 })
  tw1: number;
  @ApiProperty({ description: 'TW II (rupiah).', example: 45000000 })
  tw2: number;
  @ApiProperty({ description: 'TW III (rupiah).', example: 60000000 })
  tw3: number;
  @ApiProperty({ description: 'TW IV (rupiah).', example: 40000000 })
  tw4: number;
}

export class RenjaReportRowResponse {
  @ApiProperty({
    description: 'Level of the line.',
    enum: ['PROGRAM', 'KEGIATAN', 'SUB_KEGIATAN'],
    example: 'SUB_KEGIATAN',
  })
  level: string;
  @ApiProperty({ description: 'Program code.', example: '1.06.04' })
  programKode: string;
  @ApiProperty({
    description: 'Kegiatan code.',
    example: '1.06.04.2.01',
    nullable: true,
    type: String,
  })
  kegiatanKode: string | null;
  @ApiProperty({
    description: 'Sub-kegiatan code.',
    example: '1.06.04.2.01.0001',
    nullable: true,
    type: String,
  })
  subKegiatanKode: string | null;
  @ApiProperty({ description: "The line's own code.", example: '1.06.04.2.01.0001' })
  kode: string;
  @ApiProperty({
    description: 'Program / kegiatan / sub-kegiatan.',
    example: 'Penyediaan Permakanan',
  })
  name: string;
  @ApiProperty({
    description: 'Indicator id.',
    example: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b',
    nullable: true,
    type: String,
  })
  indicatorId: string | null;
  @ApiProperty({
    description: 'Indicator; null on a node without one.',
    example: 'Jumlah lanjut usia yang terpenuhi kebutuhan dasarnya',
    nullable: true,
    type: String,
  })
  indicator: string | null;
  @ApiProperty({ description: 'Satuan.', example: 'Orang', nullable: true, type: String })
  unit: string | null;
  @ApiProperty({ description: 'Target of the year.', example: 600, nullable: true, type: Number })
  target: number | null;
  @ApiProperty({
    description: 'Realisasi per triwulan (in the quarter) and for the year.',
    type: RealisasiFiguresResponse,
  })
  realisasi: RealisasiFiguresResponse;
  @ApiProperty({ description: 'Realisasi s.d. triwulan.', type: TriwulanFiguresResponse })
  realisasiYtd: TriwulanFiguresResponse;
  @ApiProperty({ description: 'Capaian kinerja (%).', example: 76, nullable: true, type: Number })
  capaian: number | null;
  @ApiProperty({
    description: 'Predikat of the capaian.',
    example: 'Tinggi',
    nullable: true,
    type: String,
  })
  predikat: string | null;
  @ApiPropertyOptional({
    description: 'Renstra columns (5, 6, 14, 15) when a Renstra period covers the year.',
    type: RenstraFiguresResponse,
    nullable: true,
  })
  renstra: RenstraFiguresResponse | null;
  @ApiProperty({
    description: 'Pagu (rupiah), the Renja Perubahan where revised.',
    example: 203425000,
  })
  pagu: number;
  @ApiProperty({ description: 'Rupiah the services funded by the node spent.', example: 195000000 })
  realisasiAnggaran: number;
  @ApiProperty({ description: 'Realisasi anggaran per triwulan.', type: RupiahTriwulanResponse })
  realisasiAnggaranTriwulan: RupiahTriwulanResponse;
  @ApiProperty({ description: 'Realisasi anggaran s.d. triwulan.', type: RupiahTriwulanResponse })
  realisasiAnggaranYtd: RupiahTriwulanResponse;
  @ApiProperty({
    description: 'Rupiah of the Renstra period before this year.',
    example: null,
    nullable: true,
    type: Number,
  })
  realisasiAnggaranRenstraSdTahunLalu: number | null;
  @ApiProperty({
    description: 'Serapan anggaran (%).',
    example: 95.86,
    nullable: true,
    type: Number,
  })
  serapan: number | null;
  @ApiProperty({
    description: 'Nilai efisiensi (%): capaian kinerja / serapan × 100.',
    example: 79.28,
    nullable: true,
    type: Number,
  })
  efisiensi: number | null;
  @ApiProperty({
    description: 'Unit penanggung jawab.',
    example: 'Bidang Rehabilitasi Sosial',
    nullable: true,
    type: String,
  })
  penanggungJawab: string | null;
}

export class RenjaGroupSummaryResponse {
  @ApiProperty({
    description: 'The group: a kegiatan, a program, or ALL.',
    enum: ['KEGIATAN', 'PROGRAM', 'ALL'],
    example: 'KEGIATAN',
  })
  level: string;
  @ApiProperty({ description: 'Its code.', example: '1.06.04.2.01', nullable: true, type: String })
  kode: string | null;
  @ApiProperty({
    description: 'Rata-rata capaian kinerja of the lines one level down.',
    example: 84.5,
    nullable: true,
    type: Number,
  })
  rataRataCapaianKinerja: number | null;
  @ApiProperty({ description: 'Its predikat.', example: 'Tinggi', nullable: true, type: String })
  predikatKinerja: string | null;
  @ApiProperty({
    description: 'Rata-rata capaian anggaran (serapan).',
    example: 91.2,
    nullable: true,
    type: Number,
  })
  rataRataCapaianAnggaran: number | null;
  @ApiProperty({
    description: 'Its predikat.',
    example: 'Sangat Tinggi',
    nullable: true,
    type: String,
  })
  predikatAnggaran: string | null;
  @ApiProperty({ description: 'Jumlah pagu (rupiah).', example: 900915500 })
  pagu: number;
  @ApiProperty({ description: 'Jumlah realisasi anggaran (rupiah).', example: 801000000 })
  realisasiAnggaran: number;
}

export class RenjaReportResponse {
  @ApiProperty({ description: 'Fiscal year.', example: 2022 })
  year: number;
  @ApiProperty({
    description: 'Every service recorded before this instant is in the figures.',
    example: '2026-11-25T03:00:04.000Z',
  })
  asOf: string;
  @ApiProperty({
    description: 'Which realisasi the spreadsheet triwulan columns print.',
    enum: ['YTD', 'QUARTER'],
    example: 'YTD',
  })
  triwulanForm: string;
  @ApiProperty({ type: [RenjaReportRowResponse] })
  rows: RenjaReportRowResponse[];
  @ApiProperty({ type: [RenjaGroupSummaryResponse] })
  summaries: RenjaGroupSummaryResponse[];
}

export class PpksCoverageRowResponse {
  @ApiProperty({ description: 'PPKS type.', example: 'LANJUT_USIA_TERLANTAR' })
  ppks: string;
  @ApiProperty({ description: 'Its name.', example: 'Lanjut Usia Terlantar' })
  ppksNama: string;
  @ApiProperty({ description: 'Counted in JIWA (people) or KK (households).', example: 'JIWA' })
  satuan: string;
  @ApiProperty({ description: 'Kecamatan (or the kabupaten total).', example: '63.11.06' })
  wilayahKode: string;
  @ApiProperty({ description: 'Its name.', example: 'Paringin' })
  wilayahNama: string;
  @ApiProperty({
    description: 'With the type at any time in the year (not rejected).',
    example: 120,
  })
  registered: number;
  @ApiProperty({ description: 'Of those, with at least one service in the year.', example: 98 })
  served: number;
  @ApiProperty({
    description: 'served / registered × 100.',
    example: 81.67,
    nullable: true,
    type: Number,
  })
  coverage: number | null;
}

class SpmWilayahResponse {
  @ApiProperty({ description: 'Kecamatan.', example: '63.11.06' })
  wilayahKode: string;
  @ApiProperty({ description: 'Its name.', example: 'Paringin' })
  wilayahNama: string;
  @ApiProperty({ description: 'People who needed the service in the year.', example: 40 })
  needing: number;
  @ApiProperty({ description: 'Of those, served in the year.', example: 38 })
  served: number;
  @ApiProperty({
    description: 'served / needing × 100.',
    example: 95,
    nullable: true,
    type: Number,
  })
  coverage: number | null;
}

class SpmServiceResponse {
  @ApiProperty({ description: 'SPM service A–E.', example: 'C' })
  spm: string;
  @ApiProperty({
    description: 'Jenis pelayanan dasar.',
    example: 'Rehabilitasi sosial dasar lanjut usia terlantar di luar panti sosial',
  })
  name: string;
  @ApiProperty({ description: 'Target (%).', example: 100 })
  target: number;
  @ApiProperty({ description: 'Kabupaten: people who needed it.', example: 310 })
  needing: number;
  @ApiProperty({ description: 'Kabupaten: people served.', example: 290 })
  served: number;
  @ApiProperty({ description: 'Capaian (%).', example: 93.55, nullable: true, type: Number })
  coverage: number | null;
  @ApiProperty({ type: [SpmWilayahResponse] })
  perKecamatan: SpmWilayahResponse[];
}

export class SpmReportResponse {
  @ApiProperty({ description: 'Fiscal year.', example: 2022 })
  year: number;
  @ApiProperty({
    description: 'Every service recorded before this instant is in the figures.',
    example: '2026-11-25T03:00:04.000Z',
  })
  asOf: string;
  @ApiProperty({ description: 'The kabupaten.', example: '63.11' })
  wilayahKode: string;
  @ApiProperty({ type: [SpmServiceResponse] })
  services: SpmServiceResponse[];
}

class LakipIndicatorResponse {
  @ApiProperty({ description: 'Indicator id.', example: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b' })
  indicatorId: string;
  @ApiProperty({
    description: 'Indikator kinerja.',
    example: 'Persentase Fakir Miskin yang mendapatkan bantuan sosial',
  })
  indicator: string;
  @ApiProperty({ description: 'Satuan.', example: '%' })
  unit: string;
  @ApiProperty({ description: 'Target.', example: 67, nullable: true, type: Number })
  target: number | null;
  @ApiProperty({
    description: 'Realisasi of the year.',
    example: 61.4,
    nullable: true,
    type: Number,
  })
  realisasi: number | null;
  @ApiProperty({ description: 'Capaian (%).', example: 91.64, nullable: true, type: Number })
  capaian: number | null;
  @ApiProperty({ description: 'Predikat.', example: 'Sangat Tinggi', nullable: true, type: String })
  predikat: string | null;
}

class LakipSasaranResponse {
  @ApiProperty({ description: 'TUJUAN, SASARAN, or a PROGRAM (its outcome).', example: 'PROGRAM' })
  level: string;
  @ApiProperty({
    description: 'Program code, for program groups.',
    example: '1.06.05',
    nullable: true,
    type: String,
  })
  kode: string | null;
  @ApiProperty({ description: 'Sasaran.', example: 'PROGRAM PERLINDUNGAN DAN JAMINAN SOSIAL' })
  sasaran: string;
  @ApiProperty({ type: [LakipIndicatorResponse] })
  indicators: LakipIndicatorResponse[];
  @ApiProperty({
    description: 'Rata-rata capaian of its indicators.',
    example: 91.64,
    nullable: true,
    type: Number,
  })
  rataRataCapaian: number | null;
  @ApiProperty({ description: 'Predikat.', example: 'Sangat Tinggi', nullable: true, type: String })
  predikat: string | null;
}

export class LakipReportResponse {
  @ApiProperty({ description: 'Fiscal year.', example: 2022 })
  year: number;
  @ApiProperty({
    description: 'Every service recorded before this instant is in the figures.',
    example: '2026-11-25T03:00:04.000Z',
  })
  asOf: string;
  @ApiProperty({ type: [LakipSasaranResponse] })
  sasaran: LakipSasaranResponse[];
  @ApiProperty({
    description: 'Mean of the sasaran means.',
    example: 88.2,
    nullable: true,
    type: Number,
  })
  rataRataCapaian: number | null;
  @ApiProperty({ description: 'Predikat.', example: 'Tinggi', nullable: true, type: String })
  predikat: string | null;
}
