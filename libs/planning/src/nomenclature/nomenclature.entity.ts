import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NomenclatureTingkat } from './nomenclature-kode';

/** One node of the budget nomenclature: urusan → bidang → program → kegiatan → sub-kegiatan. */
@Entity('nomenclature')
export class Nomenclature {
  @PrimaryColumn('text')
  kode: string;

  @Column('text')
  tingkat: NomenclatureTingkat;

  @Column('text')
  nama: string;

  @Column('text', { nullable: true })
  indukKode: string | null;

  /** `printed` (code as in the Pemda's documents), `inferred`, or `import` (SIPD list). */
  @Column('text')
  asal: string;

  @Column('timestamptz')
  updatedAt: Date;
}
