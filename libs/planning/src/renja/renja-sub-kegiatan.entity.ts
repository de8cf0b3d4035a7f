import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One sub-kegiatan of a fiscal year's Renja: its pagu in each version and how it is run. */
@Entity('renja_sub_kegiatan')
export class RenjaSubKegiatan {
  @PrimaryColumn('smallint')
  year: number;

  /** Canonical 4-digit sub-kegiatan code. */
  @PrimaryColumn('text')
  subKegiatanKode: string;

  /** Rupiah (bigint, as a string); null when the line only exists in the Perubahan. */
  @Column('bigint', { nullable: true })
  paguMurni: string | null;

  /** Rupiah; null until the Renja Perubahan revises the line. */
  @Column('bigint', { nullable: true })
  paguPerubahan: string | null;

  @Column('text', { nullable: true })
  lokasi: string | null;

  @Column('text', { nullable: true })
  sumberDana: string | null;

  @Column('text', { nullable: true })
  penanggungJawab: string | null;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;
}
