import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A kind of service a Dinsos gives (bantuan, permakanan, reunifikasi, kunjungan, …). */
@Entity('service_type')
export class ServiceType {
  @PrimaryColumn('text')
  kode: string;

  @Column('text')
  nama: string;

  @Column('text')
  keterangan: string;
}
