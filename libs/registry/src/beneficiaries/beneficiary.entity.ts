import {
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';
import { Household } from '../households/household.entity';
import { PpksClassification } from '../ppks/ppks-classification.entity';
import type { BeneficiaryStatus, Relationship, Sex } from '../registry.types';

/** A person the agency serves (penerima manfaat), with or without NIK. */
@Entity('beneficiary')
export class Beneficiary {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Nomor Induk Kependudukan; null until the person has one. */
  @Column('text', { nullable: true })
  nik: string | null;

  @Column('text')
  name: string;

  @Column('char', { length: 1 })
  sex: Sex;

  @Column('date')
  birthDate: string;

  @Column('text', { nullable: true })
  birthPlace: string | null;

  @Column('text')
  desaKode: string;

  @Column('text', { nullable: true })
  alamat: string | null;

  @Column('uuid', { nullable: true })
  householdId: string | null;

  @ManyToOne(() => Household, { nullable: true })
  @JoinColumn({ name: 'household_id' })
  household?: Household | null;

  /** Hubungan dalam keluarga (SHDK) within the household. */
  @Column('text', { nullable: true })
  relationship: Relationship | null;

  @Column('text')
  status: BeneficiaryStatus;

  @Column('date', { nullable: true })
  diedOn: string | null;

  /** The surviving record, when this one was merged into it. */
  @Column('uuid', { nullable: true })
  mergedIntoId: string | null;

  @VersionColumn({ type: 'integer' })
  version: number;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;

  /** The person's own PPKS classifications, loaded on the detail view. */
  @OneToMany(() => PpksClassification, (c) => c.beneficiary)
  classifications?: PpksClassification[];
}
