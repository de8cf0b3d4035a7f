import { EntityManager, In } from 'typeorm';
import { kodeAt } from '../nomenclature/nomenclature-kode';
import type { RenjaVersi } from '../renja/renja.types';
import {
  IndicatorManualValue,
  IndicatorRenstraTarget,
  IndicatorTarget,
} from './indicator-target.entity';
import type { Indicator } from './indicator.entity';
import type { IndicatorDefinition, IndicatorTargetView, Triwulan } from './indicator.types';

export function toTargetView(t: IndicatorTarget): IndicatorTargetView {
  const quarters = [t.tw1, t.tw2, t.tw3, t.tw4];
  return {
    year: t.year,
    versi: t.versi,
    annual: t.annual,
    triwulan: quarters.every((q) => q !== null) ? (quarters as Triwulan<string>) : null,
    triwulanShares: t.triwulanShares ? (t.triwulanShares as Triwulan<string>) : null,
  };
}

/**
 * Each year's target in the version read: MURNI when asked for, otherwise PERUBAHAN where the
 * Renja Perubahan revised it and MURNI elsewhere.
 */
function pickVersions(rows: IndicatorTarget[], versi?: RenjaVersi): IndicatorTargetView[] {
  const byYear = new Map<number, IndicatorTarget>();
  for (const row of rows) {
    if (versi === 'MURNI' && row.versi !== 'MURNI') continue;
    const seen = byYear.get(row.year);
    if (!seen || row.versi === 'PERUBAHAN') byYear.set(row.year, row);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year).map(toTargetView);
}

/** Indicators with their targets, Renstra targets and manual values, in the given order. */
export async function loadDefinitions(
  m: EntityManager,
  indicators: Indicator[],
  options: { versi?: RenjaVersi } = {},
): Promise<IndicatorDefinition[]> {
  const ids = indicators.map((i) => i.id);
  if (ids.length === 0) return [];
  // One after the other: `m` may be a transaction, i.e. a single connection.
  const targets = await m.find(IndicatorTarget, { where: { indicatorId: In(ids) } });
  const renstra = await m.find(IndicatorRenstraTarget, {
    where: { indicatorId: In(ids) },
    order: { startYear: 'ASC' },
  });
  const manual = await m.find(IndicatorManualValue, {
    where: { indicatorId: In(ids) },
    order: { year: 'ASC', triwulan: 'ASC' },
  });
  const byIndicator = <T extends { indicatorId: string }>(rows: T[]): Map<string, T[]> => {
    const map = new Map<string, T[]>();
    for (const row of rows) {
      const list = map.get(row.indicatorId);
      if (list) list.push(row);
      else map.set(row.indicatorId, [row]);
    }
    return map;
  };
  const [targetsOf, renstraOf, manualOf] = [
    byIndicator(targets),
    byIndicator(renstra),
    byIndicator(manual),
  ];
  return indicators.map((i) => ({
    id: i.id,
    name: i.name,
    level: i.level,
    subKegiatanKode: i.nomenclatureKode ? kodeAt(i.nomenclatureKode, 'SUB_KEGIATAN') : null,
    kegiatanKode: i.nomenclatureKode ? kodeAt(i.nomenclatureKode, 'KEGIATAN') : null,
    programKode: i.nomenclatureKode ? kodeAt(i.nomenclatureKode, 'PROGRAM') : null,
    unit: i.unit,
    polarity: i.polarity,
    negativeCapaianRule: i.negativeCapaianRule,
    accumulation: i.accumulation,
    measure: i.measure,
    version: i.version,
    targets: pickVersions(targetsOf.get(i.id) ?? [], options.versi),
    renstraTargets: (renstraOf.get(i.id) ?? []).map((r) => ({
      startYear: r.startYear,
      endYear: r.endYear,
      target: r.target,
    })),
    manualValues: (manualOf.get(i.id) ?? []).map((v) => ({
      year: v.year,
      triwulan: v.triwulan,
      value: v.value,
    })),
  }));
}
