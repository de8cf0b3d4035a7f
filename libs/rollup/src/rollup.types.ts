/** A quarter of the fiscal year. */
export type Triwulan = 1 | 2 | 3 | 4;
export const TRIWULAN: readonly Triwulan[] = [1, 2, 3, 4];

/** One figure per triwulan, `tw1` … `tw4` as the API names them. */
export interface PerTriwulan<T> {
  tw1: T;
  tw2: T;
  tw3: T;
  tw4: T;
}

/** The five SPM bidang sosial services (PP 2/2018 art. 10, Permensos 9/2018). */
export const SPM_SERVICES = ['A', 'B', 'C', 'D', 'E'] as const;
export type SpmService = (typeof SPM_SERVICES)[number];

/** An indicator's figures for one year: the unit the roll-up recomputes. */
export interface IndicatorUnit {
  indicatorId: string;
  year: number;
}
