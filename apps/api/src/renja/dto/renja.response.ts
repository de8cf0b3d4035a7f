import { ApiProperty } from '@nestjs/swagger';
import {
  RENJA_VERSI,
  type RenjaCopyResult,
  type RenjaLine,
  type RenjaSubKegiatanItem,
  type RenjaTree,
  type RenjaVersi,
} from '@pilar/planning';

/** Rupiah as a JSON number: pagu stays far below 2^53. */
const rupiah = (value: bigint | null): number | null => (value === null ? null : Number(value));

export class RenjaLineResponse {
  @ApiProperty({ description: 'Fiscal year.', example: 2022 })
  year: number;

  @ApiProperty({ description: 'Sub-kegiatan code (4-digit).', example: '1.06.04.2.01.0004' })
  subKegiatanKode: string;

  @ApiProperty({ description: 'Its kegiatan.', example: '1.06.04.2.01' })
  kegiatanKode: string;

  @ApiProperty({ description: 'Its program.', example: '1.06.04' })
  programKode: string;

  @ApiProperty({ description: 'Name.', example: 'Pemberian Pelayanan Reunifikasi Keluarga' })
  nama: string;

  @ApiProperty({ description: 'Pagu of the version read (rupiah).', example: 402000000 })
  pagu: number;

  @ApiProperty({
    description: 'The version `pagu` comes from.',
    enum: RENJA_VERSI,
    example: 'MURNI',
  })
  versi: RenjaVersi;

  @ApiProperty({
    description: 'Pagu of the Renja murni.',
    example: 402000000,
    nullable: true,
    type: Number,
  })
  paguMurni: number | null;

  @ApiProperty({
    description: 'Pagu of the Renja Perubahan, once revised.',
    example: null,
    nullable: true,
    type: Number,
  })
  paguPerubahan: number | null;

  @ApiProperty({ description: 'Lokasi.', example: 'Balangan', nullable: true, type: String })
  lokasi: string | null;

  @ApiProperty({ description: 'Sumber dana.', example: 'APBD', nullable: true, type: String })
  sumberDana: string | null;

  @ApiProperty({
    description: 'Unit penanggung jawab (bidang).',
    example: 'Bidang Rehabilitasi Sosial',
    nullable: true,
    type: String,
  })
  penanggungJawab: string | null;
}

export class RenjaKegiatanResponse {
  @ApiProperty({ description: 'Kegiatan code.', example: '1.06.04.2.01' })
  kode: string;

  @ApiProperty({
    description: 'Name.',
    example: 'Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, …',
  })
  nama: string;

  @ApiProperty({ description: 'Sum of its sub-kegiatan (rupiah).', example: 900915500 })
  pagu: number;

  @ApiProperty({ type: [RenjaLineResponse] })
  subKegiatan: RenjaLineResponse[];
}

export class RenjaProgramResponse {
  @ApiProperty({ description: 'Program code.', example: '1.06.04' })
  kode: string;

  @ApiProperty({ description: 'Name.', example: 'PROGRAM REHABILITASI SOSIAL' })
  nama: string;

  @ApiProperty({ description: 'Sum of its kegiatan (rupiah).', example: 900915500 })
  pagu: number;

  @ApiProperty({ type: [RenjaKegiatanResponse] })
  kegiatan: RenjaKegiatanResponse[];
}

export class RenjaTreeResponse {
  @ApiProperty({ description: 'Fiscal year.', example: 2022 })
  year: number;

  @ApiProperty({
    description: 'MURNI, or LATEST (each line as last revised).',
    enum: ['MURNI', 'LATEST'],
    example: 'LATEST',
  })
  versi: 'MURNI' | 'LATEST';

  @ApiProperty({ description: 'Total pagu of the year (rupiah).', example: 6102194103 })
  pagu: number;

  @ApiProperty({ type: [RenjaProgramResponse] })
  programs: RenjaProgramResponse[];
}

export class RenjaSubKegiatanItemResponse {
  @ApiProperty({ description: 'Sub-kegiatan code.', example: '1.06.04.2.01.0004' })
  kode: string;

  @ApiProperty({ description: 'Name.', example: 'Pemberian Pelayanan Reunifikasi Keluarga' })
  nama: string;

  @ApiProperty({ description: 'Its kegiatan.', example: '1.06.04.2.01' })
  kegiatanKode: string;

  @ApiProperty({ description: 'Its program.', example: '1.06.04' })
  programKode: string;
}

export class RenjaCopyResponse {
  @ApiProperty({ description: 'The year created.', example: 2023 })
  year: number;

  @ApiProperty({ description: 'The year copied.', example: 2022 })
  copiedFrom: number;

  @ApiProperty({ description: 'Sub-kegiatan lines created.', example: 28 })
  subKegiatan: number;

  @ApiProperty({ description: 'Indicator targets copied.', example: 42 })
  targets: number;
}

export function toRenjaLineResponse(line: RenjaLine): RenjaLineResponse {
  return {
    year: line.year,
    subKegiatanKode: line.subKegiatanKode,
    kegiatanKode: line.kegiatanKode,
    programKode: line.programKode,
    nama: line.nama,
    pagu: Number(line.pagu),
    versi: line.versi,
    paguMurni: rupiah(line.paguMurni),
    paguPerubahan: rupiah(line.paguPerubahan),
    lokasi: line.lokasi,
    sumberDana: line.sumberDana,
    penanggungJawab: line.penanggungJawab,
  };
}

export function toRenjaTreeResponse(tree: RenjaTree): RenjaTreeResponse {
  return {
    year: tree.year,
    versi: tree.versi,
    pagu: Number(tree.pagu),
    programs: tree.programs.map((p) => ({
      kode: p.kode,
      nama: p.nama,
      pagu: Number(p.pagu),
      kegiatan: p.kegiatan.map((k) => ({
        kode: k.kode,
        nama: k.nama,
        pagu: Number(k.pagu),
        subKegiatan: k.subKegiatan.map(toRenjaLineResponse),
      })),
    })),
  };
}

export function toRenjaSubKegiatanItemResponse(
  item: RenjaSubKegiatanItem,
): RenjaSubKegiatanItemResponse {
  return {
    kode: item.kode,
    nama: item.nama,
    kegiatanKode: item.kegiatanKode,
    programKode: item.programKode,
  };
}

export function toRenjaCopyResponse(result: RenjaCopyResult): RenjaCopyResponse {
  return { ...result };
}
