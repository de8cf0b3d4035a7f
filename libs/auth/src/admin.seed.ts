import { AuditService } from '@pilar/audit';
import { DataSource } from 'typeorm';
import { hashPassword } from './password';
import { Role } from './role';
import { User } from './user.entity';

/**
 * Creates the first ADMIN from ADMIN_USERNAME / ADMIN_PASSWORD when no user of that name exists.
 * An existing account is left alone: its password may have been changed since.
 */
export async function seedAdmin(
  dataSource: DataSource,
  audit: AuditService,
  admin: { username: string; password: string },
): Promise<{ inserted: number; updated: number }> {
  return dataSource.transaction(async (m) => {
    const exists = await m
      .getRepository(User)
      .createQueryBuilder('u')
      .where('lower(u.username) = lower(:username)', admin)
      .getExists();
    if (exists) return { inserted: 0, updated: 0 };
    const now = new Date();
    const user = await m.save(
      m.create(User, {
        username: admin.username,
        passwordHash: await hashPassword(admin.password),
        name: 'Administrator',
        role: Role.Admin,
        wilayahKode: null,
        active: true,
        createdAt: now,
        updatedAt: now,
      }),
    );
    await audit.record(m, {
      action: 'user.create',
      entity: 'user',
      entityId: user.id,
      changes: {
        username: { before: null, after: user.username },
        role: { before: null, after: Role.Admin },
      },
      actor: { id: null, role: 'SYSTEM' },
    });
    return { inserted: 1, updated: 0 };
  });
}
