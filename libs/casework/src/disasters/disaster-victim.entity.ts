import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A victim of a disaster: a person, with their household when known (victims count in KK too). */
@Entity('disaster_victim')
export class DisasterVictim {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  disasterId: string;

  @Column('uuid')
  beneficiaryId: string;

  @Column('uuid', { nullable: true })
  householdId: string | null;

  @Column('text')
  desaKode: string;

  @Column('uuid', { nullable: true })
  registeredBy: string | null;

  @Column('timestamptz')
  registeredAt: Date;
}
