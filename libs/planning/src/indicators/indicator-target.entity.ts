import { Column, Entity, PrimaryColumn } from 'typeorm';
import { toDecimalString } from '../numbers/exact-decimal';
import type { RenjaVersi } from '../renja/renja.types';

/** An indicator's target for one year and Renja version. Decimals are exact strings. */
@Entity('indicator_target')
export class IndicatorTarget {
  @PrimaryColumn('uuid')
  indicatorId: string;

  @PrimaryColumn('smallint')
  year: number;

  @PrimaryColumn('text')
  versi: RenjaVersi;

  @Column('numeric')
  annual: string;

  @Column('numeric', { nullable: true })
  tw1: string | null;

  @Column('numeric', { nullable: true })
  tw2: string | null;

  @Column('numeric', { nullable: true })
  tw3: string | null;

  @Column('numeric', { nullable: true })
  tw4: string | null;

  /**
   * The shares (%) the quarters were entered as, when they were. node-postgres parses numeric[]
   * into floats; a share (0–100, at most 4 decimals) survives that and its shortest decimal form
   * gives back exactly the digits stored.
   */
  @Column('numeric', {
    array: true,
    nullable: true,
    transformer: {
      to: (value: string[] | null) => value,
      from: (value: (number | string)[] | null) => value?.map(toDecimalString) ?? null,
    },
  })
  triwulanShares: string[] | null;

  @Column('timestamptz')
  updatedAt: Date;
}

/** The end-of-period target of a Renstra (5-year plan) for one indicator. */
@Entity('indicator_renstra_target')
export class IndicatorRenstraTarget {
  @PrimaryColumn('uuid')
  indicatorId: string;

  @PrimaryColumn('smallint')
  startYear: number;

  @Column('smallint')
  endYear: number;

  @Column('numeric')
  target: string;

  @Column('timestamptz')
  updatedAt: Date;
}

/** A value entered by hand for a MANUAL indicator, per triwulan. */
@Entity('indicator_manual_value')
export class IndicatorManualValue {
  @PrimaryColumn('uuid')
  indicatorId: string;

  @PrimaryColumn('smallint')
  year: number;

  @PrimaryColumn('smallint')
  triwulan: number;

  @Column('numeric')
  value: string;

  @Column('timestamptz')
  updatedAt: Date;
}
