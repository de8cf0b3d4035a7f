import { HttpStatus, Injectable } from '@nestjs/common';
import { CsvRow, DomainError, RowError } from '@pilar/core';
import { DataSource, EntityManager } from 'typeorm';
import { IndicatorTargetsService } from '../../indicators/indicator-targets.service';
import { IndicatorsService } from '../../indicators/indicators.service';
import { NomenclatureService } from '../../nomenclature/nomenclature.service';
import { formatIdNumber } from '../../numbers/indonesian-format';
import { RenjaService, UpsertOutcome } from '../renja.service';
import type { RenjaVersi } from '../renja.types';
import { readRenjaCsvRow, RenjaCsvRow } from './renja-csv-row';

export interface RenjaImportResult {
  counts: {
    inserted: number;
    updated: number;
    unchanged: number;
    rejected: number;
    /** Program/kegiatan rows whose printed pagu differs from the sum of their sub-kegiatan. */
    paguMismatches: number;
  };
  errors: RowError[];
}

/** A row and the program/kegiatan/sub-kegiatan its indikator belongs to. */
interface PlannedRow extends RenjaCsvRow {
  kode: string;
  tingkat: 'PROGRAM' | 'KEGIATAN' | 'SUB_KEGIATAN';
}

/**
 * Imports a year's Renja from the agencies' "Rumusan Rencana Program, Kegiatan dan Sub Kegiatan"
 * table (kode, indikator, satuan, lokasi, target, pagu, sumber dana). Sub-kegiatan rows set the
 * pagu of the version imported; every row with an indikator creates it (as MANUAL until someone
 * defines how to compute it; accumulating by LATEST for `%`, SUM otherwise) and sets its target; a row without kode adds an indikator to the row
 * above. Program and kegiatan pagu are never stored: a printed one that differs from the sum is
 * reported. Each row applies whole or not at all (a savepoint per row) and a bad row rejects only
 * itself.
 */
@Injectable()
export class ImportRenjaUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly nomenclature: NomenclatureService,
    private readonly renja: RenjaService,
    private readonly indicators: IndicatorsService,
    private readonly targets: IndicatorTargetsService,
  ) {}

  async execute(
    year: number,
    versi: RenjaVersi,
    rows: AsyncIterable<CsvRow> | Iterable<CsvRow>,
    onProgress: (percent: number) => Promise<void> = () => Promise.resolve(),
  ): Promise<RenjaImportResult> {
    const errors: RowError[] = [];
    const planned = await this.readRows(rows, errors);
    await onProgress(20);
    const counts = { inserted: 0, updated: 0, unchanged: 0, rejected: 0, paguMismatches: 0 };
    const tally = (outcome: UpsertOutcome | 'rejected'): void => {
      counts[outcome === 'created' ? 'inserted' : outcome]++;
    };
    counts.rejected = new Set(errors.map((e) => e.row)).size;

    await this.dataSource.transaction(async (m) => {
      // Sub-kegiatan rows first: program and kegiatan targets need their lines in the plan.
      const [subKegiatan, above] = partition(planned, (r) => r.tingkat === 'SUB_KEGIATAN');
      for (const [i, row] of subKegiatan.entries()) {
        tally(await this.applyRow(m, year, versi, row, errors));
        if (i % 50 === 0) await onProgress(20 + (60 * i) / subKegiatan.length);
      }
      for (const row of above) {
        const outcome = await this.applyRow(m, year, versi, row, errors);
        tally(outcome);
        if (outcome !== 'rejected' && row.pagu !== null && row.node) {
          const sum = await this.renja.paguUnder(year, row.kode, versi, m);
          if (sum !== row.pagu) {
            counts.paguMismatches++;
            errors.push({
              row: row.row,
              field: 'pagu',
              reason: `kept the sum of its sub-kegiatan, ${formatIdNumber(sum)}; the file says ${formatIdNumber(row.pagu)}`,
            });
          }
        }
      }
    });
    errors.sort((a, b) => a.row - b.row);
    return { counts, errors };
  }

  /** Reads every row, attaches indikator rows without kode to the row above, checks codes. */
  private async readRows(
    rows: AsyncIterable<CsvRow> | Iterable<CsvRow>,
    errors: RowError[],
  ): Promise<PlannedRow[]> {
    const planned: PlannedRow[] = [];
    let above: { row: number; planned: PlannedRow | null } | null = null;
    for await (const csvRow of rows) {
      const { parsed, errors: rowErrors } = readRenjaCsvRow(csvRow);
      errors.push(...rowErrors);
      if (!parsed) {
        if (rowErrors.length) above = { row: csvRow.row, planned: null };
        continue;
      }
      if (!parsed.node) {
        if (!above?.planned) {
          errors.push({
            row: parsed.row,
            field: 'kode',
            reason: above
              ? `adds an indikator to row ${above.row}, which was rejected`
              : 'kode is empty and there is no row above to add the indikator to',
          });
          continue;
        }
        planned.push({
          ...parsed,
          kode: above.planned.kode,
          tingkat: above.planned.tingkat,
          pagu: null,
        });
        continue;
      }
      const tingkat = parsed.node.tingkat as PlannedRow['tingkat'];
      const found = await this.nomenclature.check(parsed.node.kode, tingkat);
      if ('problem' in found) {
        errors.push({ row: parsed.row, field: 'kode', reason: found.problem });
        above = { row: parsed.row, planned: null };
        continue;
      }
      const row: PlannedRow = { ...parsed, kode: found.node.kode, tingkat };
      planned.push(row);
      above = { row: parsed.row, planned: row };
    }
    return planned;
  }

  /** Applies one row inside a savepoint; a domain error rejects the row and nothing of it stays. */
  private async applyRow(
    m: EntityManager,
    year: number,
    versi: RenjaVersi,
    row: PlannedRow,
    errors: RowError[],
  ): Promise<UpsertOutcome | 'rejected'> {
    try {
      return await m.transaction(async (sp) => {
        const outcomes: UpsertOutcome[] = [];
        if (row.tingkat === 'SUB_KEGIATAN' && row.node && row.pagu !== null) {
          const { outcome } = await this.renja.upsertLine(
            year,
            row.kode,
            {
              pagu: row.pagu,
              versi,
              lokasi: row.lokasi ?? undefined,
              sumberDana: row.sumberDana ?? undefined,
              penanggungJawab: row.penanggungJawab ?? undefined,
            },
            sp,
          );
          outcomes.push(outcome);
        }
        if (row.indikator && row.satuan) {
          const { indicator, outcome } = await this.indicators.ensure(
            {
              name: row.indikator,
              level: row.tingkat,
              subKegiatanKode: row.tingkat === 'SUB_KEGIATAN' ? row.kode : undefined,
              kegiatanKode: row.tingkat === 'KEGIATAN' ? row.kode : undefined,
              programKode: row.tingkat === 'PROGRAM' ? row.kode : undefined,
              unit: row.satuan,
              polarity: 'POSITIVE',
              // Percentages and indices are levels; everything else is a count that adds up.
              accumulation: row.satuan.trim() === '%' ? 'LATEST' : 'SUM',
              measure: { type: 'MANUAL' },
            },
            sp,
          );
          outcomes.push(outcome);
          if (row.target !== null) {
            const set = await this.targets.setTarget(
              indicator.id,
              year,
              { annual: row.target, versi },
              sp,
            );
            outcomes.push(set.outcome);
          }
        }
        // A program or kegiatan row may carry only its printed pagu, which is checked, not stored.
        if (outcomes.length === 0 && (row.tingkat === 'SUB_KEGIATAN' || row.pagu === null)) {
          throw new RowRejected('the row has neither a pagu nor an indikator to import');
        }
        return combine(outcomes);
      });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      const fields = err.extra.errors?.map((e) => `${e.field}: ${e.message}`).join('; ');
      errors.push({ row: row.row, field: null, reason: fields || err.detail });
      return 'rejected';
    }
  }
}

class RowRejected extends DomainError {
  constructor(reason: string) {
    super('ROW_REJECTED', HttpStatus.BAD_REQUEST, reason);
  }
}

/** What a row did as a whole: nothing written counts as unchanged. */
function combine(outcomes: UpsertOutcome[]): UpsertOutcome {
  if (outcomes.includes('created')) return 'created';
  return outcomes.includes('updated') ? 'updated' : 'unchanged';
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((i) => !test(i))];
}
