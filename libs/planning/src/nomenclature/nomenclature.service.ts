import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  CsvRow,
  NotFound,
  RowError,
  upsertRecords,
  UpsertCounts,
  ValidationFailed,
} from '@pilar/core';
import { DataSource, In, Repository } from 'typeorm';
import { NomenclatureTingkat, parseNomenclatureKode, ParsedKode } from './nomenclature-kode';
import { Nomenclature } from './nomenclature.entity';

export interface NomenclatureNode {
  kode: string;
  tingkat: NomenclatureTingkat;
  nama: string;
  children: NomenclatureNode[];
}

export interface NomenclatureImportResult {
  counts: { inserted: number; updated: number; unchanged: number; rejected: number };
  errors: RowError[];
}

/** `SUB_KEGIATAN` → `sub-kegiatan`, as the level is written in prose. */
const levelName = (tingkat: NomenclatureTingkat): string => tingkat.toLowerCase().replace('_', '-');

const TINGKAT_DEPTH: Record<NomenclatureTingkat, number> = {
  URUSAN: 0,
  BIDANG: 1,
  PROGRAM: 2,
  KEGIATAN: 3,
  SUB_KEGIATAN: 4,
};

/** The budget nomenclature: reading the tree and importing a Pemda's own list over it. */
@Injectable()
export class NomenclatureService {
  constructor(
    @InjectRepository(Nomenclature) private readonly nodes: Repository<Nomenclature>,
    private readonly dataSource: DataSource,
  ) {}

  async get(kode: string): Promise<Nomenclature> {
    const parsed = parseNomenclatureKode(kode);
    const node = parsed ? await this.nodes.findOneBy({ kode: parsed.kode }) : null;
    if (!node) throw new NotFound('Nomenclature', kode);
    return node;
  }

  /**
   * Checks that `raw` is a known code at `tingkat` and returns its canonical form;
   * a 400 naming `field` otherwise.
   */
  async require(raw: string, tingkat: NomenclatureTingkat, field: string): Promise<Nomenclature> {
    const found = await this.check(raw, tingkat);
    if ('problem' in found) throw ValidationFailed.field(field, found.problem);
    return found.node;
  }

  /** Like `require`, but says what is wrong instead of throwing, so callers can list problems. */
  async check(
    raw: string,
    tingkat: NomenclatureTingkat,
  ): Promise<{ node: Nomenclature } | { problem: string }> {
    const parsed = parseNomenclatureKode(raw);
    if (!parsed) return { problem: `${raw} is not a nomenclature code` };
    if (parsed.tingkat !== tingkat) {
      return {
        problem: `${raw} is a ${levelName(parsed.tingkat)} code, not a ${levelName(tingkat)} code`,
      };
    }
    const node = await this.nodes.findOneBy({ kode: parsed.kode });
    return node
      ? { node }
      : { problem: `${levelName(tingkat)} ${parsed.kode} is not in the nomenclature` };
  }

  /** The names of the given (canonical) codes; unknown codes are absent from the map. */
  async names(kodes: string[]): Promise<Map<string, string>> {
    if (kodes.length === 0) return new Map();
    const rows = await this.nodes.find({
      select: { kode: true, nama: true },
      where: { kode: In([...new Set(kodes)]) },
    });
    return new Map(rows.map((r) => [r.kode, r.nama]));
  }

  /** The subtree under `kode` (itself included), or the whole tree when omitted. */
  async tree(kode?: string): Promise<NomenclatureNode[]> {
    const root = kode ? await this.get(kode) : null;
    const qb = this.nodes.createQueryBuilder('n').orderBy('n.kode');
    if (root) {
      qb.where('(n.kode = :kode OR n.kode LIKE :prefix)', {
        kode: root.kode,
        prefix: `${root.kode}.%`,
      });
    }
    const rows = await qb.getMany();
    const byKode = new Map<string, NomenclatureNode>();
    const roots: NomenclatureNode[] = [];
    for (const r of rows) {
      const node: NomenclatureNode = {
        kode: r.kode,
        tingkat: r.tingkat,
        nama: r.nama,
        children: [],
      };
      byKode.set(r.kode, node);
      const parent = r.indukKode ? byKode.get(r.indukKode) : undefined;
      if (parent && r.kode !== root?.kode) parent.children.push(node);
      else roots.push(node);
    }
    return roots;
  }

  /**
   * Applies a nomenclature list (columns `kode`, `nama`, optional `tingkat`). Good rows are
   * upserted in one transaction; each bad row is reported with its line number and reason and
   * does not block the others. A row whose parent is neither in Pilar nor valid in the file is
   * rejected, so the tree never has holes.
   */
  async importRows(rows: AsyncIterable<CsvRow>): Promise<NomenclatureImportResult> {
    const errors: RowError[] = [];
    const accepted = new Map<string, { row: number; parsed: ParsedKode; nama: string }>();
    let total = 0;
    for await (const { row, values } of rows) {
      total++;
      const parsed = parseNomenclatureKode(values.kode ?? '');
      const nama = (values.nama ?? '').trim();
      if (!parsed) {
        errors.push({
          row,
          field: 'kode',
          reason: `"${values.kode ?? ''}" is not a nomenclature code`,
        });
      } else if (!nama) {
        errors.push({ row, field: 'nama', reason: 'nama is empty' });
      } else if (values.tingkat && values.tingkat.toUpperCase() !== parsed.tingkat) {
        errors.push({
          row,
          field: 'tingkat',
          reason: `${parsed.kode} is a ${parsed.tingkat}, not a ${values.tingkat}`,
        });
      } else if (accepted.has(parsed.kode)) {
        errors.push({
          row,
          field: 'kode',
          reason: `${parsed.kode} already appears on line ${accepted.get(parsed.kode)?.row}`,
        });
      } else {
        accepted.set(parsed.kode, { row, parsed, nama });
      }
    }

    const existing = new Set(
      (await this.nodes.find({ select: { kode: true } })).map((n) => n.kode),
    );
    const ordered = [...accepted.values()].sort(
      (a, b) => TINGKAT_DEPTH[a.parsed.tingkat] - TINGKAT_DEPTH[b.parsed.tingkat] || a.row - b.row,
    );
    const known = new Set(existing);
    const records: Record<string, unknown>[] = [];
    for (const { row, parsed, nama } of ordered) {
      if (parsed.indukKode && !known.has(parsed.indukKode)) {
        errors.push({
          row,
          field: 'kode',
          reason: `its parent ${parsed.indukKode} is neither in Pilar nor a valid row of the file`,
        });
        continue;
      }
      known.add(parsed.kode);
      records.push({
        kode: parsed.kode,
        tingkat: parsed.tingkat,
        nama,
        induk_kode: parsed.indukKode,
        asal: 'import',
      });
    }

    const applied: UpsertCounts = records.length
      ? await this.dataSource.transaction((m) =>
          upsertRecords(m, 'nomenclature', ['kode'], records),
        )
      : { inserted: 0, updated: 0 };
    errors.sort((a, b) => a.row - b.row);
    return {
      counts: {
        ...applied,
        unchanged: records.length - applied.inserted - applied.updated,
        rejected: total - records.length,
      },
      errors,
    };
  }
}
