import { Injectable } from '@nestjs/common';
import { AppConfig } from '@pilar/core';
import {
  efisiensi,
  IndicatorDefinition,
  IndicatorsService,
  mean,
  predikat,
  RenjaService,
  RenjaTree,
  serapan,
} from '@pilar/planning';
import {
  IndicatorRealisasi,
  PerTriwulan,
  RealisasiAnggaran,
  RealisasiAnggaranService,
  RealisasiService,
  RollupStatusService,
} from '@pilar/rollup';
import { earlierRenstraYears, renstraFigures } from './renstra-figures';
import {
  RenjaGroupSummary,
  RenjaReport,
  RenjaReportRow,
  RenjaRowLevel,
} from './renja-report.types';

/** A node of the Renja tree with the money under it. */
interface Node {
  level: RenjaRowLevel;
  kode: string;
  name: string;
  programKode: string;
  kegiatanKode: string | null;
  subKegiatanKode: string | null;
  pagu: bigint;
  subKegiatan: string[];
  penanggungJawab: string | null;
}

/** Inputs gathered once per report. */
interface Figures {
  realisasi: Map<string, IndicatorRealisasi[]>;
  definitions: Map<string, IndicatorDefinition>;
  totalsByIndicator: Map<string, Map<number, number | null>>;
  anggaran: Map<string, RealisasiAnggaran>;
  anggaranEarlier: Map<string, bigint>;
}

const ZERO_TW: PerTriwulan<bigint> = { tw1: 0n, tw2: 0n, tw3: 0n, tw4: 0n };

/**
 * The Renja evaluation of a year (Permendagri 86/2017 Tabel 2.1): every program, kegiatan and
 * sub-kegiatan of the Renja with its indicators' target, realisasi per triwulan, capaian and
 * predikat, its pagu against the rupiah the services spent, serapan and efisiensi, and the group
 * means. Aggregates only: no person appears in it.
 */
@Injectable()
export class RenjaReportService {
  constructor(
    private readonly renja: RenjaService,
    private readonly indicators: IndicatorsService,
    private readonly realisasi: RealisasiService,
    private readonly anggaran: RealisasiAnggaranService,
    private readonly status: RollupStatusService,
    private readonly config: AppConfig,
  ) {}

  async report(year: number): Promise<RenjaReport> {
    const [tree, definitions, status] = await Promise.all([
      this.renja.tree(year),
      this.indicators.list({ year }),
      this.status.status(),
    ]);
    const figures = await this.figures(definitions, year);
    const rows = nodesOf(tree).flatMap((node) => this.rowsOf(node, figures));
    return {
      year,
      asOf: status.asOf.toISOString(),
      triwulanForm: this.config.renjaTriwulanForm,
      rows,
      summaries: this.summaries(tree, rows),
    };
  }

  private async figures(definitions: IndicatorDefinition[], year: number): Promise<Figures> {
    const earlierYears = earlierRenstraYears(definitions, year);
    const [current, anggaran, ...earlier] = await Promise.all([
      this.realisasi.compute(definitions, year),
      this.anggaran.forYear(year),
      ...earlierYears.map((y) =>
        Promise.all([this.realisasi.compute(definitions, y), this.anggaran.forYear(y)]),
      ),
    ]);
    const realisasi = new Map<string, IndicatorRealisasi[]>();
    for (const r of current) {
      const node = r.subKegiatanKode ?? r.kegiatanKode ?? r.programKode;
      if (node) realisasi.set(node, [...(realisasi.get(node) ?? []), r]);
    }
    const totalsByIndicator = new Map<string, Map<number, number | null>>();
    const anggaranEarlier = new Map<string, bigint>();
    for (const [byIndicator, spent] of earlier) {
      for (const r of byIndicator) {
        const totals = totalsByIndicator.get(r.indicatorId) ?? new Map<number, number | null>();
        totals.set(r.year, r.realisasi.total);
        totalsByIndicator.set(r.indicatorId, totals);
      }
      for (const [kode, a] of spent)
        anggaranEarlier.set(kode, (anggaranEarlier.get(kode) ?? 0n) + a.total);
    }
    for (const r of current) {
      const totals = totalsByIndicator.get(r.indicatorId) ?? new Map<number, number | null>();
      totals.set(year, r.realisasi.total);
      totalsByIndicator.set(r.indicatorId, totals);
    }
    return {
      realisasi,
      definitions: new Map(definitions.map((d) => [d.id, d])),
      totalsByIndicator,
      anggaran,
      anggaranEarlier,
    };
  }

  private rowsOf(node: Node, figures: Figures): RenjaReportRow[] {
    const spent = node.subKegiatan.reduce<PerTriwulan<bigint>>((sum, kode) => {
      const a = figures.anggaran.get(kode)?.triwulan ?? ZERO_TW;
      return {
        tw1: sum.tw1 + a.tw1,
        tw2: sum.tw2 + a.tw2,
        tw3: sum.tw3 + a.tw3,
        tw4: sum.tw4 + a.tw4,
      };
    }, ZERO_TW);
    const total = spent.tw1 + spent.tw2 + spent.tw3 + spent.tw4;
    const serapanNode = serapan({ pagu: node.pagu, realisasiAnggaran: total });
    const spentEarlier = node.subKegiatan.reduce(
      (sum, kode) => sum + (figures.anggaranEarlier.get(kode) ?? 0n),
      0n,
    );
    const indicators: (IndicatorRealisasi | null)[] = figures.realisasi.get(node.kode) ?? [null];
    return indicators.map((r) => {
      const definition = r ? figures.definitions.get(r.indicatorId) : undefined;
      const renstra =
        r && definition
          ? renstraFigures(
              definition,
              r.year,
              figures.totalsByIndicator.get(r.indicatorId) ?? new Map(),
            )
          : null;
      return {
        level: node.level,
        programKode: node.programKode,
        kegiatanKode: node.kegiatanKode,
        subKegiatanKode: node.subKegiatanKode,
        kode: node.kode,
        name: node.name,
        indicatorId: r?.indicatorId ?? null,
        indicator: r?.name ?? null,
        unit: r?.unit ?? null,
        target: r?.target ?? null,
        realisasi: r?.realisasi ?? { tw1: null, tw2: null, tw3: null, tw4: null, total: null },
        realisasiYtd: r?.realisasiYtd ?? { tw1: null, tw2: null, tw3: null, tw4: null },
        capaian: r?.capaian ?? null,
        predikat: r?.predikat ?? null,
        renstra,
        pagu: Number(node.pagu),
        realisasiAnggaran: Number(total),
        realisasiAnggaranTriwulan: {
          tw1: Number(spent.tw1),
          tw2: Number(spent.tw2),
          tw3: Number(spent.tw3),
          tw4: Number(spent.tw4),
        },
        realisasiAnggaranYtd: {
          tw1: Number(spent.tw1),
          tw2: Number(spent.tw1 + spent.tw2),
          tw3: Number(spent.tw1 + spent.tw2 + spent.tw3),
          tw4: Number(total),
        },
        realisasiAnggaranRenstraSdTahunLalu: renstra ? Number(spentEarlier) : null,
        serapan: serapanNode,
        efisiensi: efisiensi({ capaianKinerja: r?.capaian ?? null, capaianAnggaran: serapanNode }),
        penanggungJawab: node.penanggungJawab,
      };
    });
  }

  /** Tabel 2.1's footers: per kegiatan over its sub-kegiatan, per program over its kegiatan. */
  private summaries(tree: RenjaTree, rows: RenjaReportRow[]): RenjaGroupSummary[] {
    const bands = this.config.predikatBands;
    const summarise = (
      level: RenjaGroupSummary['level'],
      kode: string | null,
      below: RenjaReportRow[],
    ): RenjaGroupSummary => {
      const nodes = [...new Map(below.map((r) => [r.kode, r])).values()];
      const kinerja = mean(below.map((r) => r.capaian));
      const anggaran = mean(nodes.map((r) => r.serapan));
      return {
        level,
        kode,
        rataRataCapaianKinerja: kinerja,
        predikatKinerja: predikat(kinerja, bands),
        rataRataCapaianAnggaran: anggaran,
        predikatAnggaran: predikat(anggaran, bands),
        pagu: nodes.reduce((sum, r) => sum + r.pagu, 0),
        realisasiAnggaran: nodes.reduce((sum, r) => sum + r.realisasiAnggaran, 0),
      };
    };
    const summaries: RenjaGroupSummary[] = [];
    for (const program of tree.programs) {
      for (const kegiatan of program.kegiatan) {
        summaries.push(
          summarise(
            'KEGIATAN',
            kegiatan.kode,
            rows.filter((r) => r.level === 'SUB_KEGIATAN' && r.kegiatanKode === kegiatan.kode),
          ),
        );
      }
      summaries.push(
        summarise(
          'PROGRAM',
          program.kode,
          rows.filter((r) => r.level === 'KEGIATAN' && r.programKode === program.kode),
        ),
      );
    }
    summaries.push(
      summarise(
        'ALL',
        null,
        rows.filter((r) => r.level === 'PROGRAM'),
      ),
    );
    return summaries;
  }
}

/** The tree's nodes in Tabel 2.1 order: a program, then each kegiatan followed by its sub-kegiatan. */
function nodesOf(tree: RenjaTree): Node[] {
  const nodes: Node[] = [];
  for (const program of tree.programs) {
    const programSubs = program.kegiatan.flatMap((k) => k.subKegiatan);
    nodes.push({
      level: 'PROGRAM',
      kode: program.kode,
      name: program.nama,
      programKode: program.kode,
      kegiatanKode: null,
      subKegiatanKode: null,
      pagu: program.pagu,
      subKegiatan: programSubs.map((s) => s.subKegiatanKode),
      penanggungJawab: commonValue(programSubs.map((s) => s.penanggungJawab)),
    });
    for (const kegiatan of program.kegiatan) {
      nodes.push({
        level: 'KEGIATAN',
        kode: kegiatan.kode,
        name: kegiatan.nama,
        programKode: program.kode,
        kegiatanKode: kegiatan.kode,
        subKegiatanKode: null,
        pagu: kegiatan.pagu,
        subKegiatan: kegiatan.subKegiatan.map((s) => s.subKegiatanKode),
        penanggungJawab: commonValue(kegiatan.subKegiatan.map((s) => s.penanggungJawab)),
      });
      for (const sub of kegiatan.subKegiatan) {
        nodes.push({
          level: 'SUB_KEGIATAN',
          kode: sub.subKegiatanKode,
          name: sub.nama,
          programKode: program.kode,
          kegiatanKode: kegiatan.kode,
          subKegiatanKode: sub.subKegiatanKode,
          pagu: sub.pagu,
          subKegiatan: [sub.subKegiatanKode],
          penanggungJawab: sub.penanggungJawab,
        });
      }
    }
  }
  return nodes;
}

/** The value all entries share, or null when they differ or none is set. */
function commonValue(values: (string | null)[]): string | null {
  const distinct = new Set(values.filter((v): v is string => v !== null));
  return distinct.size === 1 ? [...distinct][0] : null;
}
