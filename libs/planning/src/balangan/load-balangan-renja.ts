import { join } from 'node:path';
import { CsvRow, readCsvFile } from '@pilar/core';
import { IndicatorsService } from '../indicators/indicators.service';
import { isCountMeasureType } from '../indicators/measure';
import { parseNomenclatureKode } from '../nomenclature/nomenclature-kode';
import { ImportRenjaUseCase, RenjaImportResult } from '../renja/import/import-renja.use-case';
import { BALANGAN_MEASURES, BALANGAN_UNITS } from './balangan-measures';

/** The years the source plans: 2022, and the prakiraan maju 2023. */
export type BalanganRenjaYear = 2022 | 2023;

const SEED_DATA = join(__dirname, 'seed-data');

/** `L1034` → 1034: rows are numbered by their line in the source, so errors point there. */
const sourceLine = (ref: string): number => Number(ref.replace(/^L/, ''));

/**
 * The social part (programs 1.06.02–1.06.07) of the Balangan Renja in the shape of the agencies'
 * table, from `seed-data/renja-2022-balangan-{outcomes,sosial}.csv` (copied from shared/domain;
 * Tabel T-C.33 of renja-2022-dinsos-balangan.txt).
 */
export function balanganRenjaRows(year: BalanganRenjaYear): CsvRow[] {
  const outcomes = readCsvFile(join(SEED_DATA, 'renja-2022-balangan-outcomes.csv'));
  const sosial = readCsvFile(join(SEED_DATA, 'renja-2022-balangan-sosial.csv'));
  return [
    ...outcomes.map((r) => ({
      row: sourceLine(r.sumber_baris),
      values: {
        kode: r.kode,
        indikator: r.indikator,
        satuan: r.satuan || (BALANGAN_UNITS[r.sumber_baris] ?? ''),
        lokasi: 'Balangan',
        target: r[`target_${year}`],
        pagu: '',
      },
    })),
    ...sosial.map((r) => ({
      row: sourceLine(r.sumber_baris),
      values: {
        kode: r.sub_kegiatan_kode,
        indikator: r.indikator,
        satuan: r.satuan,
        lokasi: 'Balangan',
        target: r[`target_${year}`],
        pagu: r[`pagu_${year}`],
      },
    })),
  ].sort((a, b) => a.row - b.row);
}

/**
 * Loads the Balangan Renja (sub-kegiatan pagu, program/kegiatan/sub-kegiatan indicators and
 * their targets) through the Renja import, then gives the indicators that service events can
 * measure their definitions (BALANGAN_MEASURES). Safe to run again: nothing changes the second
 * time. Throws when a row is rejected, which would mean the data and the code disagree.
 */
export async function loadBalanganRenja(
  services: { importRenja: ImportRenjaUseCase; indicators: IndicatorsService },
  years: readonly BalanganRenjaYear[] = [2022],
): Promise<Record<number, RenjaImportResult>> {
  const results: Record<number, RenjaImportResult> = {};
  for (const year of years) {
    const result = await services.importRenja.execute(year, 'MURNI', balanganRenjaRows(year));
    if (result.errors.length) {
      const reasons = result.errors.map((e) => `L${e.row} ${e.field ?? ''}: ${e.reason}`);
      throw new Error(`The Balangan Renja ${year} did not load: ${reasons.join('; ')}`);
    }
    results[year] = result;
  }
  await defineMeasures(services.indicators);
  return results;
}

/** Sets the computed measure of each mapped indicator that is still MANUAL. */
async function defineMeasures(indicators: IndicatorsService): Promise<void> {
  const rows = [
    ...readCsvFile(join(SEED_DATA, 'renja-2022-balangan-outcomes.csv')).map((r) => ({
      ref: r.sumber_baris,
      kode: r.kode,
      indikator: r.indikator,
    })),
    ...readCsvFile(join(SEED_DATA, 'renja-2022-balangan-sosial.csv')).map((r) => ({
      ref: r.sumber_baris,
      kode: r.sub_kegiatan_kode,
      indikator: r.indikator,
    })),
  ];
  for (const row of rows) {
    const measure = BALANGAN_MEASURES[row.ref];
    const kode = parseNomenclatureKode(row.kode)?.kode;
    if (!measure || !kode) continue;
    const indicator = (await indicators.list({ kode })).find(
      (i) =>
        i.name.toLowerCase() === row.indikator.trim().toLowerCase() &&
        (i.subKegiatanKode ?? i.kegiatanKode ?? i.programKode) === kode,
    );
    if (!indicator) throw new Error(`The Balangan indicator of ${row.ref} was not loaded`);
    if (indicator.measure.type === 'MANUAL') {
      await indicators.update(indicator.id, {
        version: indicator.version,
        measure,
        accumulation: isCountMeasureType(measure.type) ? 'SUM' : 'LATEST',
      });
    }
  }
}
