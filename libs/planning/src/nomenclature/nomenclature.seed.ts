import { join } from 'node:path';
import { readCsvFile, upsertRecords, UpsertCounts } from '@pilar/core';
import type { EntityManager } from 'typeorm';
import { parseNomenclatureKode } from './nomenclature-kode';

/** The eight urusan of Permendagri 90/2019: the roots every bidang hangs from. */
const URUSAN: [string, string][] = [
  ['1', 'URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR'],
  ['2', 'URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN DENGAN PELAYANAN DASAR'],
  ['3', 'URUSAN PEMERINTAHAN PILIHAN'],
  ['4', 'UNSUR PENDUKUNG URUSAN PEMERINTAHAN'],
  ['5', 'UNSUR PENUNJANG URUSAN PEMERINTAHAN'],
  ['6', 'UNSUR PENGAWASAN URUSAN PEMERINTAHAN'],
  ['7', 'UNSUR KEWILAYAHAN'],
  ['8', 'UNSUR PEMERINTAHAN UMUM'],
];

/**
 * The eight urusan plus the social nomenclature from `seed-data/nomenclature-1.06.csv` (copied
 * from shared/domain). Rows are already in parent-first order.
 */
export function seedNomenclature(m: EntityManager): Promise<UpsertCounts> {
  const rows = readCsvFile(join(__dirname, 'seed-data', 'nomenclature-1.06.csv'));
  const records = [
    ...URUSAN.map(([kode, nama]) => ({
      kode,
      tingkat: 'URUSAN',
      nama,
      induk_kode: null,
      asal: 'printed',
    })),
    ...rows.map((r) => {
      const parsed = parseNomenclatureKode(r.kode);
      if (!parsed || parsed.tingkat !== r.tingkat) throw new Error(`Bad seed row ${r.kode}`);
      return {
        kode: parsed.kode,
        tingkat: parsed.tingkat,
        nama: r.nama,
        induk_kode: parsed.indukKode,
        asal: r.asal,
      };
    }),
  ];
  return upsertRecords(m, 'nomenclature', ['kode'], records);
}
