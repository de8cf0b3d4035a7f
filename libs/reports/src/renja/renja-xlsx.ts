import { Workbook, Worksheet } from 'exceljs';
import { BORDER, fitColumnWidths, styleHeaderCell } from '../export/xlsx-style';
import type { PerTriwulan } from '@pilar/rollup';
import type { RenjaGroupSummary, RenjaReport, RenjaReportRow } from './renja-report.types';

/** Column numbers of Tabel 2.1 (Permendagri 86/2017) as laid out in the sheet. */
export const TABEL_2_1 = {
  no: 1,
  kode: 2,
  nama: 3,
  indikator: 4,
  satuan: 5,
  /** (5) … (15): the first column of each K/Rp pair; Rp is the next one. */
  targetRenstra: 6,
  realisasiSdTahunLalu: 8,
  targetRenja: 10,
  triwulan: [12, 14, 16, 18] as const,
  realisasi: 20,
  capaian: 22,
  realisasiRenstra: 24,
  capaianRenstra: 26,
  penanggungJawab: 28,
  efisiensi: 29,
  predikat: 30,
} as const;
const LAST_COLUMN = TABEL_2_1.predikat;
export const TABEL_2_1_HEADER_ROWS = 8;

const INTEGER = '#,##0';
const DECIMAL = '#,##0.00';
const TW_KEYS = ['tw1', 'tw2', 'tw3', 'tw4'] as const;
const ROMAN = ['I', 'II', 'III', 'IV'];

/**
 * The Renja report as the agencies' spreadsheet: Tabel 2.1 "Rekapitulasi Evaluasi Hasil
 * Pelaksanaan Renja", program → kegiatan → sub-kegiatan lines with their codes, every figure a K
 * (kinerja) and Rp (anggaran) pair, the group footers (rata-rata capaian and predikat) after each
 * kegiatan and program, a frozen header, and column widths that fit. The triwulan columns print
 * the form configured (s.d. triwulan by default, as the agencies print it).
 */
export async function renjaWorkbook(report: RenjaReport): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Pilar';
  const sheet = workbook.addWorksheet(`Tabel 2.1 ${report.year}`, {
    views: [{ state: 'frozen', xSplit: TABEL_2_1.nama, ySplit: TABEL_2_1_HEADER_ROWS }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1 },
  });
  writeTitle(sheet, report);
  writeHeader(sheet, report);
  let rowNumber = TABEL_2_1_HEADER_ROWS + 1;
  let subKegiatanNo = 0;
  let previous: RenjaReportRow | null = null;
  const summaries = new Map(report.summaries.map((s) => [`${s.level}/${s.kode ?? ''}`, s]));
  report.rows.forEach((row, i) => {
    const firstOfNode = previous?.kode !== row.kode;
    if (row.level === 'SUB_KEGIATAN' && firstOfNode) subKegiatanNo++;
    writeRow(sheet.getRow(rowNumber++), row, report.triwulanForm, {
      no: row.level === 'SUB_KEGIATAN' && firstOfNode ? subKegiatanNo : null,
      money: firstOfNode,
    });
    previous = row;
    const next = report.rows[i + 1];
    if (row.kegiatanKode && next?.kegiatanKode !== row.kegiatanKode) {
      const s = summaries.get(`KEGIATAN/${row.kegiatanKode}`);
      if (s) rowNumber = writeSummary(sheet, rowNumber, s, 'Sub Kegiatan');
    }
    if (next?.programKode !== row.programKode) {
      const s = summaries.get(`PROGRAM/${row.programKode}`);
      if (s) rowNumber = writeSummary(sheet, rowNumber, s, 'Kegiatan');
    }
  });
  const all = summaries.get('ALL/');
  if (all) rowNumber = writeSummary(sheet, rowNumber, all, 'Program');
  fitColumnWidths(sheet, { columns: LAST_COLUMN, skipRows: TABEL_2_1_HEADER_ROWS, max: 45 });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeTitle(sheet: Worksheet, report: RenjaReport): void {
  const lines = [
    'Tabel 2.1',
    `Rekapitulasi Evaluasi Hasil Pelaksanaan Renja Perangkat Daerah Tahun ${report.year}`,
    `Realisasi triwulan: ${report.triwulanForm === 'YTD' ? 's.d. triwulan (kumulatif)' : 'per triwulan'}; data s.d. ${report.asOf}`,
  ];
  lines.forEach((text, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = text;
    cell.font = { bold: i < 2, size: i < 2 ? 13 : 10 };
  });
}

function writeHeader(sheet: Worksheet, report: RenjaReport): void {
  const top = 5;
  const y = report.year;
  const single: [number, string, string][] = [
    [TABEL_2_1.no, 'No', '1'],
    [TABEL_2_1.kode, 'Kode', '2'],
    [TABEL_2_1.nama, 'Program / Kegiatan / Sub Kegiatan', '3'],
    [
      TABEL_2_1.indikator,
      'Indikator Kinerja Program (Outcome) / Kegiatan (Output) / Sub Kegiatan',
      '4',
    ],
    [TABEL_2_1.satuan, 'Satuan', ''],
    [TABEL_2_1.penanggungJawab, 'Unit Perangkat Daerah Penanggung Jawab', '16'],
    [TABEL_2_1.efisiensi, 'Nilai Efisiensi', '17=K13/Rp13x100%'],
    [TABEL_2_1.predikat, 'Predikat Kinerja', ''],
  ];
  for (const [column, label, number] of single) {
    sheet.mergeCells(top, column, top + 2, column);
    sheet.getCell(top, column).value = label;
    sheet.getCell(top + 3, column).value = number;
  }
  const pairs: [number, string, string][] = [
    [TABEL_2_1.targetRenstra, 'Target Renstra Perangkat Daerah pada Akhir Periode Renstra', '5'],
    [TABEL_2_1.realisasiSdTahunLalu, `Realisasi Capaian Kinerja s.d. Tahun Lalu (${y - 1})`, '6'],
    [TABEL_2_1.targetRenja, `Target Kinerja dan Anggaran Renja Tahun ${y}`, '7'],
    [TABEL_2_1.realisasi, `Realisasi Capaian Kinerja dan Anggaran Renja Tahun ${y}`, '12'],
    [
      TABEL_2_1.capaian,
      `Tingkat Capaian Kinerja dan Realisasi Anggaran Renja Tahun ${y} (%)`,
      '13=12/7x100%',
    ],
    [
      TABEL_2_1.realisasiRenstra,
      `Realisasi Kinerja dan Anggaran Renstra s.d. Tahun ${y}`,
      '14=6+12',
    ],
    [
      TABEL_2_1.capaianRenstra,
      `Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra s.d. Tahun ${y} (%)`,
      '15=14/5x100%',
    ],
  ];
  for (const [column, label, number] of pairs) {
    sheet.mergeCells(top, column, top + 1, column + 1);
    sheet.getCell(top, column).value = label;
    sheet.mergeCells(top + 3, column, top + 3, column + 1);
    sheet.getCell(top + 3, column).value = number;
  }
  const [tw1] = TABEL_2_1.triwulan;
  sheet.mergeCells(top, tw1, top, tw1 + 7);
  sheet.getCell(top, tw1).value =
    report.triwulanForm === 'YTD'
      ? 'Realisasi Kinerja s.d. Triwulan'
      : 'Realisasi Kinerja pada Triwulan';
  TABEL_2_1.triwulan.forEach((column, i) => {
    sheet.mergeCells(top + 1, column, top + 1, column + 1);
    sheet.getCell(top + 1, column).value = ROMAN[i];
    sheet.mergeCells(top + 3, column, top + 3, column + 1);
    sheet.getCell(top + 3, column).value = String(8 + i);
  });
  for (let column = TABEL_2_1.targetRenstra; column < TABEL_2_1.penanggungJawab; column += 2) {
    sheet.getCell(top + 2, column).value = 'K';
    sheet.getCell(top + 2, column + 1).value = 'Rp';
  }
  for (let r = top; r <= top + 3; r++) {
    for (let c = 1; c <= LAST_COLUMN; c++) styleHeaderCell(sheet.getCell(r, c));
  }
  sheet.getRow(top).height = 60;
}

function writeRow(
  row: ReturnType<Worksheet['getRow']>,
  r: RenjaReportRow,
  form: RenjaReport['triwulanForm'],
  options: { no: number | null; money: boolean },
): void {
  const set = (
    column: number,
    value: string | number | null | undefined,
    format?: string,
  ): void => {
    const cell = row.getCell(column);
    cell.value = value ?? null;
    if (typeof value === 'number')
      cell.numFmt = format ?? (Number.isInteger(value) ? INTEGER : DECIMAL);
  };
  const money = (column: number, value: number | null): void =>
    set(column, options.money ? value : null, INTEGER);
  const kinerja: PerTriwulan<number | null> = form === 'YTD' ? r.realisasiYtd : r.realisasi;
  const anggaran = form === 'YTD' ? r.realisasiAnggaranYtd : r.realisasiAnggaranTriwulan;

  set(TABEL_2_1.no, options.no);
  set(TABEL_2_1.kode, r.kode);
  set(TABEL_2_1.nama, r.name);
  set(TABEL_2_1.indikator, r.indicator);
  set(TABEL_2_1.satuan, r.unit);
  set(TABEL_2_1.targetRenstra, r.renstra?.target);
  set(TABEL_2_1.realisasiSdTahunLalu, r.renstra?.realisasiSdTahunLalu);
  money(TABEL_2_1.realisasiSdTahunLalu + 1, r.realisasiAnggaranRenstraSdTahunLalu);
  set(TABEL_2_1.targetRenja, r.target);
  money(TABEL_2_1.targetRenja + 1, r.pagu);
  TABEL_2_1.triwulan.forEach((column, i) => {
    set(column, kinerja[TW_KEYS[i]]);
    money(column + 1, anggaran[TW_KEYS[i]]);
  });
  set(TABEL_2_1.realisasi, r.realisasi.total);
  money(TABEL_2_1.realisasi + 1, r.realisasiAnggaran);
  set(TABEL_2_1.capaian, r.capaian, DECIMAL);
  set(TABEL_2_1.capaian + 1, options.money ? r.serapan : null, DECIMAL);
  set(TABEL_2_1.realisasiRenstra, r.renstra?.realisasiSdTahunIni);
  money(
    TABEL_2_1.realisasiRenstra + 1,
    r.realisasiAnggaranRenstraSdTahunLalu === null
      ? null
      : r.realisasiAnggaranRenstraSdTahunLalu + r.realisasiAnggaran,
  );
  set(TABEL_2_1.capaianRenstra, r.renstra?.capaian, DECIMAL);
  set(TABEL_2_1.penanggungJawab, r.penanggungJawab);
  set(TABEL_2_1.efisiensi, r.efisiensi, DECIMAL);
  set(TABEL_2_1.predikat, r.predikat);

  const bold = r.level !== 'SUB_KEGIATAN';
  for (let c = 1; c <= LAST_COLUMN; c++) {
    const cell = row.getCell(c);
    cell.border = BORDER;
    cell.font = { bold };
    if (c <= TABEL_2_1.satuan || c === TABEL_2_1.penanggungJawab) {
      cell.alignment = { wrapText: true, vertical: 'top' };
    }
  }
}

/** Two footer lines: the mean capaian (K and Rp) and its predikat, under column pair 13. */
function writeSummary(
  sheet: Worksheet,
  rowNumber: number,
  s: RenjaGroupSummary,
  below: 'Sub Kegiatan' | 'Kegiatan' | 'Program',
): number {
  const lines: [string, string | number | null, string | number | null][] = [
    [
      `Rata-rata Capaian Kinerja (${below}) (%)`,
      s.rataRataCapaianKinerja,
      s.rataRataCapaianAnggaran,
    ],
    [`Predikat Kinerja (${below})`, s.predikatKinerja, s.predikatAnggaran],
  ];
  for (const [label, k, rp] of lines) {
    const row = sheet.getRow(rowNumber++);
    sheet.mergeCells(row.number, TABEL_2_1.nama, row.number, TABEL_2_1.capaian - 1);
    row.getCell(TABEL_2_1.nama).value = label;
    for (const [column, value] of [
      [TABEL_2_1.capaian, k],
      [TABEL_2_1.capaian + 1, rp],
    ] as const) {
      const cell = row.getCell(column);
      cell.value = value;
      if (typeof value === 'number') cell.numFmt = DECIMAL;
    }
    for (let c = 1; c <= LAST_COLUMN; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      cell.font = { italic: true, bold: true };
    }
  }
  return rowNumber;
}
