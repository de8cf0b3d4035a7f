import { Column, Entity, OneToMany, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { PpksClassification } from '../ppks/ppks-classification.entity';

/**
 * A family (keluarga). The KK number is optional: a family may be registered before its card
 * exists (KAT, disaster victims). DTKS membership and desil belong to the family.
 */
@Entity('household')
export class Household {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Nomor Kartu Keluarga, 16 digits; unique when present. */
  @Column('text', { nullable: true })
  noKk: string | null;

  @Column('text')
  desaKode: string;

  @Column('text', { nullable: true })
  alamat: string | null;

  /** In DTKS (Data Terpadu Kesejahteraan Sosial). */
  @Column('boolean')
  dtksRegistered: boolean;

  @Column('text', { nullable: true })
  dtksId: string | null;

  /** Welfare decile in DTKS, 1 (poorest) to 10. */
  @Column('smallint', { nullable: true })
  desil: number | null;

  /** When the DTKS data was last verified (verivali). */
  @Column('date', { nullable: true })
  dtksVerifiedOn: string | null;

  @VersionColumn({ type: 'integer' })
  version: number;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;

  /** Family-level PPKS (FAKIR_MISKIN, KOMUNITAS_ADAT_TERPENCIL…), loaded on the detail view. */
  @OneToMany(() => PpksClassification, (c) => c.household)
  classifications?: PpksClassification[];
}
