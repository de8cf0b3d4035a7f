import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A refresh token, stored only as an HMAC of its value. Tokens rotate: each refresh marks the
 * token used and issues the next one in the same family; presenting a used token again means
 * it was stolen, and the whole family is revoked.
 */
@Entity('refresh_token')
export class RefreshToken {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @Column('uuid')
  familyId: string;

  @Column('text')
  tokenHash: string;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;
}
