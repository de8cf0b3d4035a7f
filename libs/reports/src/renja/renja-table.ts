import type { ReportColumn, ReportTable } from '../export/report-table';
import type { RenjaReport } from './renja-report.types';

const COLUMNS: ReportColumn[] = [
  { key: 'level', header: 'Tingkat', kind: 'text' },
  { key: 'programKode', header: 'Kode Program', kind: 'text' },
  { key: 'kegiatanKode', header: 'Kode Kegiatan', kind: 'text' },
  { key: 'subKegiatanKode', header: 'Kode Sub Kegiatan', kind: 'text' },
  { key: 'name', header: 'Program / Kegiatan / Sub Kegiatan', kind: 'text' },
  { key: 'indicator', header: 'Indikator', kind: 'text' },
  { key: 'unit', header: 'Satuan', kind: 'text' },
  { key: 'target', header: 'Target', kind: 'decimal' },
  { key: 'realisasiTw1', header: 'Realisasi TW I', kind: 'decimal' },
  { key: 'realisasiTw2', header: 'Realisasi TW II', kind: 'decimal' },
  { key: 'realisasiTw3', header: 'Realisasi TW III', kind: 'decimal' },
  { key: 'realisasiTw4', header: 'Realisasi TW IV', kind: 'decimal' },
  { key: 'realisasiTotal', header: 'Realisasi Tahun', kind: 'decimal' },
  { key: 'realisasiYtdTw1', header: 'Realisasi s.d. TW I', kind: 'decimal' },
  { key: 'realisasiYtdTw2', header: 'Realisasi s.d. TW II', kind: 'decimal' },
  { key: 'realisasiYtdTw3', header: 'Realisasi s.d. TW III', kind: 'decimal' },
  { key: 'realisasiYtdTw4', header: 'Realisasi s.d. TW IV', kind: 'decimal' },
  { key: 'capaian', header: 'Capaian (%)', kind: 'percent' },
  { key: 'predikat', header: 'Predikat', kind: 'text' },
  { key: 'pagu', header: 'Pagu (Rp)', kind: 'rupiah' },
  { key: 'realisasiAnggaran', header: 'Realisasi Anggaran (Rp)', kind: 'rupiah' },
  { key: 'serapan', header: 'Serapan (%)', kind: 'percent' },
  { key: 'efisiensi', header: 'Efisiensi (%)', kind: 'percent' },
];

/** The Renja report as one flat table (CSV): a line per node and indicator, plain numbers. */
export function renjaTable(report: RenjaReport): ReportTable {
  return {
    name: `renja-${report.year}`,
    title: [`Evaluasi Renja ${report.year}`],
    columns: COLUMNS,
    rows: report.rows.map((r) => ({
      level: r.level,
      programKode: r.programKode,
      kegiatanKode: r.kegiatanKode,
      subKegiatanKode: r.subKegiatanKode,
      name: r.name,
      indicator: r.indicator,
      unit: r.unit,
      target: r.target,
      realisasiTw1: r.realisasi.tw1,
      realisasiTw2: r.realisasi.tw2,
      realisasiTw3: r.realisasi.tw3,
      realisasiTw4: r.realisasi.tw4,
      realisasiTotal: r.realisasi.total,
      realisasiYtdTw1: r.realisasiYtd.tw1,
      realisasiYtdTw2: r.realisasiYtd.tw2,
      realisasiYtdTw3: r.realisasiYtd.tw3,
      realisasiYtdTw4: r.realisasiYtd.tw4,
      capaian: r.capaian,
      predikat: r.predikat,
      pagu: r.pagu,
      realisasiAnggaran: r.realisasiAnggaran,
      serapan: r.serapan,
      efisiensi: r.efisiensi,
    })),
  };
}
