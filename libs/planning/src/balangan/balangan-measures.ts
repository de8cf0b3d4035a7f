import type { CountMeasure, Measure } from '../indicators/measure';

const served = (
  type: CountMeasure['type'],
  ppks: string[],
  serviceTypes?: string[],
): CountMeasure => ({ type, filter: { ppks, ...(serviceTypes ? { serviceTypes } : {}) } });

const coverage = (numerator: CountMeasure, ppks: string[]): Measure => ({
  type: 'RATIO',
  numerator,
  denominator: { type: 'PPKS_POPULATION', ppks },
});

const BENCANA = ['KORBAN_BENCANA_ALAM', 'KORBAN_BENCANA_SOSIAL'];
const REHSOS_COVERAGE = [
  'LANJUT_USIA_TERLANTAR',
  'PENYANDANG_DISABILITAS',
  'ANAK_TERLANTAR',
  'KORBAN_NAPZA',
  'PEREMPUAN_RAWAN_SOSIAL_EKONOMI',
];

/**
 * How Pilar computes the Balangan indicators that service events can measure, keyed by their
 * line in renja-2022-dinsos-balangan.txt (the CSVs' `sumber_baris`). The measures follow the
 * indicator texts; the rest (PSKS training, national programmes, locations, documents) stay
 * MANUAL. Each counting measure also counts only events funded under the indicator's own node
 * (the default filter).
 */
export const BALANGAN_MEASURES: Record<string, Measure> = {
  // Program and kegiatan outcomes (renja-2022-balangan-outcomes.csv).
  L1033: served('DISTINCT_HOUSEHOLDS', ['KOMUNITAS_ADAT_TERPENCIL']),
  L1048: coverage(served('DISTINCT_BENEFICIARIES', REHSOS_COVERAGE), REHSOS_COVERAGE),
  L1049: served('DISTINCT_BENEFICIARIES', [
    'PENYANDANG_DISABILITAS',
    'ANAK_TERLANTAR',
    'LANJUT_USIA_TERLANTAR',
    'GELANDANGAN',
    'PENGEMIS',
  ]),
  L1058: served('DISTINCT_BENEFICIARIES', ['ANAK_TERLANTAR']),
  L1065: coverage(served('DISTINCT_HOUSEHOLDS', ['FAKIR_MISKIN'], ['BANTUAN_SOSIAL']), [
    'FAKIR_MISKIN',
  ]),
  L1066: served('DISTINCT_HOUSEHOLDS', ['FAKIR_MISKIN'], ['LAYANAN_DATA_PENGADUAN']),
  L1071: coverage(served('DISTINCT_BENEFICIARIES', BENCANA, ['TANGGAP_DARURAT']), BENCANA),
  L1072: served('DISTINCT_HOUSEHOLDS', BENCANA),
  // Sub-kegiatan outputs (renja-2022-balangan-sosial.csv).
  L1035: served('DISTINCT_HOUSEHOLDS', ['KOMUNITAS_ADAT_TERPENCIL'], ['PEMBERDAYAAN_KAT']),
  L1050: served('DISTINCT_BENEFICIARIES', ['LANJUT_USIA_TERLANTAR'], ['PERMAKANAN']),
  L1051: served(
    'DISTINCT_BENEFICIARIES',
    ['PENYANDANG_DISABILITAS', 'LANJUT_USIA_TERLANTAR'],
    ['SANDANG'],
  ),
  L1052: served(
    'DISTINCT_BENEFICIARIES',
    ['PENYANDANG_DISABILITAS', 'LANJUT_USIA_TERLANTAR'],
    ['ALAT_BANTU'],
  ),
  L1053: { type: 'DISTINCT_BENEFICIARIES', filter: { serviceTypes: ['BIMBINGAN_SOSIAL'] } },
  L1054: served('DISTINCT_BENEFICIARIES', ['ANAK_TERLANTAR'], ['REUNIFIKASI']),
  L1055: served('DISTINCT_BENEFICIARIES', ['ANAK_TERLANTAR']),
  L1056: served('DISTINCT_BENEFICIARIES', ['PEREMPUAN_RAWAN_SOSIAL_EKONOMI']),
  L1057: { type: 'EVENTS', filter: { serviceTypes: ['LAYANAN_DATA_PENGADUAN'] } },
  L1060: { type: 'DISTINCT_BENEFICIARIES', filter: { serviceTypes: ['REUNIFIKASI'] } },
  L1067: served('DISTINCT_HOUSEHOLDS', ['FAKIR_MISKIN'], ['LAYANAN_DATA_PENGADUAN']),
  L1073: served('DISTINCT_HOUSEHOLDS', BENCANA, ['TANGGAP_DARURAT']),
};

/**
 * Units the source leaves blank. L1038 counts "keluarga fakir miskin … dan organisasi sosial"
 * together, mixing families and organisations as the document does.
 */
export const BALANGAN_UNITS: Record<string, string> = { L1038: 'KK/Lembaga' };
