import { Column, Entity, PrimaryColumn } from 'typeorm';

export type Tingkat = 'PROVINSI' | 'KABUPATEN' | 'KECAMATAN' | 'DESA';

/** A Kemendagri region: provinsi `63`, kabupaten `63.11`, kecamatan `63.11.06`, desa `63.11.06.2001`. */
@Entity('wilayah')
export class Wilayah {
  @PrimaryColumn('text')
  kode: string;

  @Column('text')
  nama: string;

  @Column('text')
  tingkat: Tingkat;

  @Column('text', { nullable: true })
  indukKode: string | null;
}
