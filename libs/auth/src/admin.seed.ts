import { AuditService } from '@pilar/audit';
import { DataSource } from 'typeorm';
import { hashPassword } from './password';
import { Role } from './role';

/**
 * Creates the first ADMIN from ADMIN_USERNAME / ADMIN_PASSWORD when no user of that name exists.
 * An existing account is left alone: its password may have been changed since. Plain SQL, so
 * the CLI's DataSource needs no entity metadata.
 */
export async function seedAdmin(
  dataSource: DataSource,
  audit: AuditService,
  admin: { username: string; password: string },
): Promise<{ inserted: number; updated: number }> {
  const exists: unknown[] = await dataSource.query(
    'SELECT 1 FROM app_user WHERE lower(username) = lower($1)',
    [admin.username],
  );
  if (exists.length) return { inserted: 0, updated: 0 };
  const passwordHash = await hashPassword(admin.password);
  return dataSource.transaction(async (m) => {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO app_user (username, password_hash, name, role)
       VALUES ($1, $2, 'Administrator', $3)
       ON CONFLICT DO NOTHING RETURNING id`,
      [admin.username, passwordHash, Role.Admin],
    );
    if (rows.length === 0) return { inserted: 0, updated: 0 };
    await audit.record(m, {
      action: 'user.create',
      entity: 'user',
      entityId: rows[0].id,
      changes: {
        username: { before: null, after: admin.username },
        role: { before: null, after: Role.Admin },
      },
      actor: { id: null, role: 'SYSTEM' },
    });
    return { inserted: 1, updated: 0 };
  });
}
