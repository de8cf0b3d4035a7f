import { Column, Entity, PrimaryColumn } from 'typeorm';

export type Satuan = 'JIWA' | 'KK';
export type SpmService = 'A' | 'B' | 'C' | 'D' | 'E';

/** One of the 26 PPKS types of Permensos 8/2012. */
@Entity('ppks_type')
export class PpksType {
  @PrimaryColumn('text')
  kode: string;

  @Column('smallint')
  nomor: number;

  @Column('text')
  nama: string;

  /** Counted in persons (JIWA) or families (KK). */
  @Column('text')
  satuan: Satuan;

  /** The SPM bidang sosial service (A–E) this type feeds, if any. */
  @Column('char', { length: 1, nullable: true })
  spm: SpmService | null;

  /** SPM A counts penyandang disabilitas only when terlantar. */
  @Column('boolean')
  spmRequiresTerlantar: boolean;
}
