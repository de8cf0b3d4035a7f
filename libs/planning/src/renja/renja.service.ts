import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditService, diffFields } from '@pilar/audit';
import { Role } from '@pilar/auth';
import {
  AppConfig,
  currentYearIn,
  FieldError,
  NotFound,
  PgError,
  pgErrorCode,
  ValidationFailed,
} from '@pilar/core';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { kodeAt, parseNomenclatureKode } from '../nomenclature/nomenclature-kode';
import { NomenclatureService } from '../nomenclature/nomenclature.service';
import { RenjaSubKegiatan } from './renja-sub-kegiatan.entity';
import { ConcurrentEdit, RenjaYearForbidden, SubKegiatanNotInRenja } from './renja.errors';
import { RenjaLine, RenjaSubKegiatanItem, RenjaTree, RenjaVersi, SUMBER_DANA } from './renja.types';
import { buildRenjaTree } from './renja-tree';

export interface RenjaLineInput {
  /** Whole rupiah, not negative. */
  pagu: bigint | number | string;
  /** Which version the pagu belongs to; MURNI when omitted. */
  versi?: RenjaVersi;
  /** Omitted: keep the current value; null: clear it. */
  lokasi?: string | null;
  sumberDana?: string | null;
  penanggungJawab?: string | null;
}

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

export interface RenjaReadOptions {
  /** MURNI reads the adopted plan; otherwise (PERUBAHAN or omitted) each line's latest pagu. */
  versi?: RenjaVersi;
}

const AUDITED: (keyof RenjaSubKegiatan)[] = [
  'paguMurni',
  'paguPerubahan',
  'lokasi',
  'sumberDana',
  'penanggungJawab',
];

/** Roles that record services in the field and only pick from this year's sub-kegiatan. */
const FIELD_ROLES: readonly Role[] = [Role.Tksk, Role.Psm];

/**
 * The Renja of each fiscal year: pagu per sub-kegiatan (murni and perubahan), with kegiatan and
 * program pagu always computed as sums.
 */
@Injectable()
export class RenjaService {
  constructor(
    @InjectRepository(RenjaSubKegiatan) private readonly lines: Repository<RenjaSubKegiatan>,
    private readonly nomenclature: NomenclatureService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** Every line of the year, in code order, in the version asked for. */
  async linesOf(year: number, options: RenjaReadOptions = {}): Promise<RenjaLine[]> {
    const rows = await this.lines.find({ where: { year }, order: { subKegiatanKode: 'ASC' } });
    const names = await this.nomenclature.names(rows.map((r) => r.subKegiatanKode));
    return rows
      .map((r) => toRenjaLine(r, names.get(r.subKegiatanKode) ?? r.subKegiatanKode, options))
      .filter((line): line is RenjaLine => line !== null);
  }

  /** Program → kegiatan → sub-kegiatan with pagu totals; 404 when the year has no Renja. */
  async tree(year: number, options: RenjaReadOptions = {}): Promise<RenjaTree> {
    const lines = await this.linesOf(year, options);
    if (lines.length === 0) throw new NotFound('Renja', String(year));
    const names = await this.nomenclature.names(
      lines.flatMap((l) => [l.kegiatanKode, l.programKode]),
    );
    return buildRenjaTree(year, options.versi === 'MURNI' ? 'MURNI' : 'LATEST', lines, names);
  }

  /** One line; 404 when the sub-kegiatan has no line that year (in that version). */
  async line(year: number, rawKode: string, options: RenjaReadOptions = {}): Promise<RenjaLine> {
    const kode = parseNomenclatureKode(rawKode)?.kode ?? rawKode;
    const row = await this.lines.findOneBy({ year, subKegiatanKode: kode });
    const names = row ? await this.nomenclature.names([kode]) : new Map<string, string>();
    const line = row ? toRenjaLine(row, names.get(kode) ?? kode, options) : null;
    if (!line) throw new NotFound('Renja line', `${year} ${rawKode}`);
    return line;
  }

  /** The pagu of a sub-kegiatan in a year (latest version unless MURNI is asked), or null. */
  async pagu(
    year: number,
    rawKode: string,
    options: RenjaReadOptions = {},
  ): Promise<bigint | null> {
    const kode = parseNomenclatureKode(rawKode)?.kode ?? rawKode;
    const row = await this.lines.findOneBy({ year, subKegiatanKode: kode });
    return row ? (toRenjaLine(row, kode, options)?.pagu ?? null) : null;
  }

  /**
   * The canonical 4-digit code of a sub-kegiatan that has a line in the Renja of `year` (any
   * version); a 400 SUB_KEGIATAN_NOT_IN_RENJA naming `field` otherwise. Accepts the 2-digit form.
   */
  async requireSubKegiatanInRenja(year: number, rawKode: string, field: string): Promise<string> {
    const parsed = parseNomenclatureKode(rawKode);
    if (!parsed || parsed.tingkat !== 'SUB_KEGIATAN') {
      throw ValidationFailed.field(field, `${rawKode} is not a sub-kegiatan code`);
    }
    if (!(await this.lines.existsBy({ year, subKegiatanKode: parsed.kode }))) {
      throw new SubKegiatanNotInRenja(field, parsed.kode, year);
    }
    return parsed.kode;
  }

  /**
   * Whether the Renja has a line in `year` (any year when null) for `nodeKode` or anything under
   * it (anything at all when null).
   */
  async isPlanned(
    year: number | null,
    nodeKode: string | null,
    m: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const [{ planned }]: { planned: boolean }[] = await m.query(
      `SELECT EXISTS (
         SELECT 1 FROM renja_sub_kegiatan
         WHERE ($1::smallint IS NULL OR year = $1)
           AND ($2::text IS NULL OR sub_kegiatan_kode = $2 OR sub_kegiatan_kode LIKE $2 || '.%')
       ) AS planned`,
      [year, nodeKode],
    );
    return planned;
  }

  /** The pagu of everything under a kegiatan or program in `year`: the sum, never a typed figure. */
  async paguUnder(
    year: number,
    nodeKode: string,
    versi: RenjaVersi | undefined,
    m: EntityManager = this.dataSource.manager,
  ): Promise<bigint> {
    const [{ total }]: { total: string }[] = await m.query(
      `SELECT coalesce(sum(CASE WHEN $3 = 'MURNI' THEN pagu_murni
                                ELSE coalesce(pagu_perubahan, pagu_murni) END), 0)::text AS total
       FROM renja_sub_kegiatan
       WHERE year = $1 AND sub_kegiatan_kode LIKE $2 || '.%'`,
      [year, nodeKode, versi ?? null],
    );
    return BigInt(total);
  }

  /** The sub-kegiatan of a year to pick from; field roles may only read the current year. */
  async subKegiatanList(year: number, viewer: { role: Role }): Promise<RenjaSubKegiatanItem[]> {
    const currentYear = currentYearIn(this.config.agency.timezone);
    if (FIELD_ROLES.includes(viewer.role) && year !== currentYear) {
      throw new RenjaYearForbidden(year, currentYear);
    }
    return (await this.linesOf(year)).map((l) => ({
      kode: l.subKegiatanKode,
      nama: l.nama,
      kegiatanKode: l.kegiatanKode,
      programKode: l.programKode,
    }));
  }

  /**
   * Creates or changes a sub-kegiatan's line of `year` and audits it. Fields left out keep their
   * value; the pagu goes to the version named (MURNI by default), the other version is kept.
   */
  async upsertLine(
    year: number,
    rawKode: string,
    input: RenjaLineInput,
    m?: EntityManager,
  ): Promise<{ line: RenjaLine; outcome: UpsertOutcome }> {
    const found = await this.nomenclature.check(rawKode, 'SUB_KEGIATAN');
    const errors = [
      ...('problem' in found ? [{ field: 'kode', message: found.problem }] : []),
      ...lineInputErrors(input),
    ];
    if ('problem' in found || errors.length) {
      throw new ValidationFailed(
        errors,
        `Invalid fields: ${errors.map((e) => e.field).join(', ')}.`,
      );
    }
    const { kode, nama } = found.node;
    const work = async (
      tx: EntityManager,
    ): Promise<{ line: RenjaLine; outcome: UpsertOutcome }> => {
      const before = await tx.findOne(RenjaSubKegiatan, {
        where: { year, subKegiatanKode: kode },
        lock: { mode: 'pessimistic_write' },
      });
      const now = new Date();
      const after = tx.create(RenjaSubKegiatan, {
        year,
        subKegiatanKode: kode,
        paguMurni: before?.paguMurni ?? null,
        paguPerubahan: before?.paguPerubahan ?? null,
        lokasi: pick(input.lokasi, before?.lokasi),
        sumberDana: pick(
          typeof input.sumberDana === 'string' ? input.sumberDana.toUpperCase() : input.sumberDana,
          before?.sumberDana,
        ),
        penanggungJawab: pick(input.penanggungJawab, before?.penanggungJawab),
        createdAt: before?.createdAt ?? now,
        updatedAt: now,
      });
      after[(input.versi ?? 'MURNI') === 'MURNI' ? 'paguMurni' : 'paguPerubahan'] = BigInt(
        input.pagu,
      ).toString();
      const changes = diffFields(before, after, AUDITED);
      if (before && Object.keys(changes).length === 0) {
        return { line: toRenjaLine(before, nama, {}) as RenjaLine, outcome: 'unchanged' };
      }
      try {
        await tx.save(after);
      } catch (err) {
        if (pgErrorCode(err) === PgError.uniqueViolation) {
          throw new ConcurrentEdit(`The Renja ${year} line of ${kode}`);
        }
        throw err;
      }
      await this.audit.record(tx, {
        action: before ? 'renja.sub-kegiatan.update' : 'renja.sub-kegiatan.create',
        entity: 'renja_sub_kegiatan',
        entityId: `${year}/${kode}`,
        changes,
      });
      return {
        line: toRenjaLine(after, nama, {}) as RenjaLine,
        outcome: before ? 'updated' : 'created',
      };
    };
    return m ? work(m) : this.dataSource.transaction(work);
  }
}

/** An omitted field keeps its value; null or an empty string clears it. */
function pick(given: string | null | undefined, current: string | null | undefined): string | null {
  if (given === undefined) return current ?? null;
  const trimmed = given?.trim();
  return trimmed ? trimmed : null;
}

function lineInputErrors(input: RenjaLineInput): FieldError[] {
  const errors: FieldError[] = [];
  const pagu = input.pagu;
  const whole =
    typeof pagu === 'bigint' ||
    (typeof pagu === 'number' && Number.isSafeInteger(pagu)) ||
    (typeof pagu === 'string' && /^-?\d+$/.test(pagu));
  if (!whole) errors.push({ field: 'pagu', message: 'must be whole rupiah' });
  else if (BigInt(pagu) < 0n) errors.push({ field: 'pagu', message: 'must not be negative' });
  const sumberDana = input.sumberDana?.trim().toUpperCase();
  if (sumberDana && !(SUMBER_DANA as readonly string[]).includes(sumberDana)) {
    errors.push({ field: 'sumberDana', message: `must be one of ${SUMBER_DANA.join(', ')}` });
  }
  return errors;
}

/** A stored line read in a version; null when it has no pagu in that version. */
function toRenjaLine(
  row: RenjaSubKegiatan,
  nama: string,
  options: RenjaReadOptions,
): RenjaLine | null {
  const paguMurni = row.paguMurni === null ? null : BigInt(row.paguMurni);
  const paguPerubahan = row.paguPerubahan === null ? null : BigInt(row.paguPerubahan);
  const useMurni = options.versi === 'MURNI' || paguPerubahan === null;
  const pagu = useMurni ? paguMurni : paguPerubahan;
  if (pagu === null) return null;
  return {
    year: row.year,
    subKegiatanKode: row.subKegiatanKode,
    kegiatanKode: kodeAt(row.subKegiatanKode, 'KEGIATAN') ?? row.subKegiatanKode,
    programKode: kodeAt(row.subKegiatanKode, 'PROGRAM') ?? row.subKegiatanKode,
    nama,
    pagu,
    versi: useMurni ? 'MURNI' : 'PERUBAHAN',
    paguMurni,
    paguPerubahan,
    lokasi: row.lokasi,
    sumberDana: row.sumberDana,
    penanggungJawab: row.penanggungJawab,
  };
}
