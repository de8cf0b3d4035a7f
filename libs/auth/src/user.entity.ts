import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { Role } from './role';

@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  username: string;

  @Column('text')
  passwordHash: string;

  @Column('text')
  name: string;

  @Column('text')
  role: Role;

  /** Kecamatan code for TKSK, desa code for PSM, null otherwise. */
  @Column('text', { nullable: true })
  wilayahKode: string | null;

  @Column('boolean')
  active: boolean;

  @VersionColumn({ type: 'integer' })
  version: number;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;
}
