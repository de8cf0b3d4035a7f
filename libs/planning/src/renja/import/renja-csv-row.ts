import type { CsvRow, RowError } from '@pilar/core';
import { parseNomenclatureKode, ParsedKode } from '../../nomenclature/nomenclature-kode';
import { parseIdNumber } from '../../numbers/indonesian-format';
import { SUMBER_DANA } from '../renja.types';

/**
 * Column names of the agencies' "Rumusan Rencana Program, Kegiatan dan Sub Kegiatan" table, as
 * they may appear in a header (compared lower-case, spaces and underscores alike).
 */
const COLUMNS = {
  kode: ['kode'],
  indikator: ['indikator', 'indikator kinerja'],
  satuan: ['satuan'],
  lokasi: ['lokasi'],
  target: ['target', 'target capaian kinerja'],
  pagu: ['pagu', 'pagu indikatif', 'kebutuhan dana/pagu indikatif'],
  sumberDana: ['sumber dana'],
  penanggungJawab: ['penanggung jawab', 'unit penanggung jawab', 'bidang'],
} as const;

export const RENJA_CSV_REQUIRED_COLUMNS = ['kode', 'pagu'];

/** One row of a Renja file, read and checked on its own. */
export interface RenjaCsvRow {
  row: number;
  /** The program, kegiatan or sub-kegiatan; null for a row that adds an indicator to the one above. */
  node: ParsedKode | null;
  indikator: string | null;
  satuan: string | null;
  /** Exact decimal; null when the row gives none. */
  target: string | null;
  /** Whole rupiah; null when the cell is empty (`-` means 0, as the documents print it). */
  pagu: bigint | null;
  lokasi: string | null;
  sumberDana: string | null;
  penanggungJawab: string | null;
}

function cell(values: Record<string, string>, names: readonly string[]): string | null {
  for (const [header, value] of Object.entries(values)) {
    if (names.includes(header.replace(/_/g, ' ').replace(/\s+/g, ' '))) {
      const trimmed = value.trim();
      return trimmed === '' ? null : trimmed;
    }
  }
  return null;
}

/** `100%`, `110 KK`, `1 lokasi`, `12.084`, `1,48`: the number, with its unit word dropped. */
function readTarget(text: string): string | null {
  const match = /^([+-]?[\d.,]+)\s*(?:%|\p{L}[\p{L} .()/-]*)?$/u.exec(text);
  return match ? parseIdNumber(match[1]) : null;
}

/** `Rp 92.000.000,00`, `92000000`, `Rp -`: whole rupiah, or a reason it is not. */
function readPagu(text: string): bigint | string {
  const bare = text.replace(/^rp\.?\s*/i, '').trim();
  if (bare === '-') return 0n;
  const decimal = parseIdNumber(bare);
  if (decimal === null) return `"${text}" is not an amount (write 92.000.000 or 92000000)`;
  if (decimal.includes('.')) return `"${text}" has sen; pagu is in whole rupiah`;
  const pagu = BigInt(decimal);
  return pagu < 0n ? 'must not be negative' : pagu;
}

/**
 * Reads one row. Returns null without errors for a blank row; otherwise the row, or the reasons
 * it is rejected (every bad cell is named).
 */
export function readRenjaCsvRow({ row, values }: CsvRow): {
  parsed: RenjaCsvRow | null;
  errors: RowError[];
} {
  const get = (column: keyof typeof COLUMNS): string | null => cell(values, COLUMNS[column]);
  const errors: RowError[] = [];
  const kodeText = get('kode');
  const indikator = get('indikator');
  const paguText = get('pagu');
  const targetText = get('target');
  if (Object.values(values).every((v) => v.trim() === '')) return { parsed: null, errors };

  let node: ParsedKode | null = null;
  if (kodeText) {
    node = parseNomenclatureKode(kodeText);
    if (!node)
      errors.push({ row, field: 'kode', reason: `"${kodeText}" is not a nomenclature code` });
    else if (node.tingkat === 'URUSAN' || node.tingkat === 'BIDANG') {
      errors.push({
        row,
        field: 'kode',
        reason: `${node.kode} is an ${node.tingkat.toLowerCase()}; only program, kegiatan and sub-kegiatan rows carry a plan`,
      });
    }
  } else if (!indikator) {
    errors.push({ row, field: 'kode', reason: 'kode is empty and there is no indikator to add' });
  } else if (paguText) {
    errors.push({
      row,
      field: 'pagu',
      reason: 'a row without kode adds an indikator; it has no pagu',
    });
  }

  let pagu: bigint | null = null;
  if (paguText) {
    const read = readPagu(paguText);
    if (typeof read === 'string') errors.push({ row, field: 'pagu', reason: read });
    else pagu = read;
  }

  let target: string | null = null;
  if (targetText) {
    target = readTarget(targetText);
    if (target === null) {
      errors.push({
        row,
        field: 'target',
        reason: `"${targetText}" is not a number (write 12.084 or 1,48)`,
      });
    } else if (target.startsWith('-')) {
      errors.push({ row, field: 'target', reason: 'must not be negative' });
    }
    if (!indikator) errors.push({ row, field: 'target', reason: 'a target needs its indikator' });
  }

  const satuan = get('satuan');
  if (indikator && !satuan)
    errors.push({ row, field: 'satuan', reason: 'the indikator has no satuan' });

  const sumberDana = get('sumberDana')?.toUpperCase().replace(/\s+/g, '_') ?? null;
  if (sumberDana && !(SUMBER_DANA as readonly string[]).includes(sumberDana)) {
    errors.push({ row, field: 'sumber_dana', reason: `must be one of ${SUMBER_DANA.join(', ')}` });
  }

  if (errors.length) return { parsed: null, errors };
  return {
    parsed: {
      row,
      node,
      indikator,
      satuan,
      target,
      pagu,
      lokasi: get('lokasi'),
      sumberDana,
      penanggungJawab: get('penanggungJawab'),
    },
    errors,
  };
}
