import { Injectable } from '@nestjs/common';
import { AuditService } from '@pilar/audit';
import { NotFound, PgError, pgErrorCode, ValidationFailed } from '@pilar/core';
import { DataSource } from 'typeorm';
import { RenjaAlreadyExists } from './renja.errors';

export interface RenjaCopyResult {
  year: number;
  copiedFrom: number;
  subKegiatan: number;
  targets: number;
}

/**
 * Starts a year's Renja from an earlier one: every line with its latest pagu (as the new year's
 * MURNI), lokasi, sumber dana and penanggung jawab, and every indicator target of that year
 * (latest version, as MURNI). Refused when the new year already has lines; all or nothing.
 */
@Injectable()
export class CopyRenjaUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async execute(year: number, fromYear: number): Promise<RenjaCopyResult> {
    if (fromYear >= year) {
      throw ValidationFailed.field('previousYear', `must be a year before ${year}`);
    }
    try {
      return await this.dataSource.transaction(async (m) => {
        const [{ present }]: { present: boolean }[] = await m.query(
          'SELECT EXISTS (SELECT 1 FROM renja_sub_kegiatan WHERE year = $1) AS present',
          [year],
        );
        if (present) throw new RenjaAlreadyExists(year);
        const lines: {
          kode: string;
          pagu: string;
          lokasi: string | null;
          sumber: string | null;
          pj: string | null;
        }[] = await m.query(
          `INSERT INTO renja_sub_kegiatan
               (year, sub_kegiatan_kode, pagu_murni, lokasi, sumber_dana, penanggung_jawab)
             SELECT $1, sub_kegiatan_kode, coalesce(pagu_perubahan, pagu_murni), lokasi, sumber_dana,
                    penanggung_jawab
             FROM renja_sub_kegiatan WHERE year = $2
             RETURNING sub_kegiatan_kode AS kode, pagu_murni AS pagu, lokasi, sumber_dana AS sumber,
                       penanggung_jawab AS pj`,
          [year, fromYear],
        );
        if (lines.length === 0) throw new NotFound('Renja', String(fromYear));
        const targets: { id: string; annual: string; tw: (string | null)[] }[] = await m.query(
          `INSERT INTO indicator_target
             (indicator_id, year, versi, annual, tw1, tw2, tw3, tw4, triwulan_shares)
           SELECT DISTINCT ON (indicator_id)
                  indicator_id, $1, 'MURNI', annual, tw1, tw2, tw3, tw4, triwulan_shares
           FROM indicator_target WHERE year = $2
           ORDER BY indicator_id, (versi = 'PERUBAHAN') DESC
           RETURNING indicator_id AS id, annual::text, ARRAY[tw1, tw2, tw3, tw4]::text[] AS tw`,
          [year, fromYear],
        );
        for (const l of lines) {
          await this.audit.record(m, {
            action: 'renja.sub-kegiatan.create',
            entity: 'renja_sub_kegiatan',
            entityId: `${year}/${l.kode}`,
            changes: {
              paguMurni: { before: null, after: l.pagu },
              lokasi: { before: null, after: l.lokasi },
              sumberDana: { before: null, after: l.sumber },
              penanggungJawab: { before: null, after: l.pj },
              copiedFrom: { before: null, after: fromYear },
            },
          });
        }
        for (const t of targets) {
          await this.audit.record(m, {
            action: 'indicator-target.create',
            entity: 'indicator_target',
            entityId: `${t.id}/${year}/MURNI`,
            changes: {
              annual: { before: null, after: t.annual },
              triwulan: { before: null, after: t.tw.every((q) => q === null) ? null : t.tw },
              copiedFrom: { before: null, after: fromYear },
            },
          });
        }
        return { year, copiedFrom: fromYear, subKegiatan: lines.length, targets: targets.length };
      });
    } catch (err) {
      // Two copies into the same year at once: the loser hits the primary key.
      if (pgErrorCode(err) === PgError.uniqueViolation) throw new RenjaAlreadyExists(year);
      throw err;
    }
  }
}
