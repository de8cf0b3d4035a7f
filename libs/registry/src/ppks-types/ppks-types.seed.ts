import { join } from 'node:path';
import { readCsvFile, upsertRecords, UpsertCounts } from '@pilar/core';
import type { EntityManager } from 'typeorm';

/** The 26 PPKS types from `seed-data/ppks-types.csv` (copied from shared/domain). */
export function seedPpksTypes(m: EntityManager): Promise<UpsertCounts> {
  const rows = readCsvFile(join(__dirname, 'seed-data', 'ppks-types.csv'));
  return upsertRecords(
    m,
    'ppks_type',
    ['kode'],
    rows.map((r) => ({
      kode: r.kode,
      nomor: Number(r.nomor),
      nama: r.nama,
      satuan: r.satuan,
      spm: r.spm ? r.spm.charAt(0) : null,
      spm_requires_terlantar: r.spm.includes('terlantar'),
    })),
  );
}
