import { AppConfig, createDataSource } from '@pilar/core';
import { seedReferenceData } from '@pilar/cli/seed-reference-data';
import { createTestDatabase, TestDatabase } from '@pilar/testing';
import { DataSource } from 'typeorm';

describe('Reference data seed (npm run db:seed)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const admin = { username: 'admin', password: 'Admin-Pilar-2026' };

  beforeAll(async () => {
    db = await createTestDatabase(); // cloned from a template that was seeded once already
    ds = createDataSource(db.url);
    await ds.initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('changes nothing when run on seeded data, except creating the admin once', async () => {
    const first = await seedReferenceData(ds, admin);
    expect(first).toEqual({
      wilayah: { inserted: 0, updated: 0 },
      ppksTypes: { inserted: 0, updated: 0 },
      serviceTypes: { inserted: 0, updated: 0 },
      nomenclature: { inserted: 0, updated: 0 },
      admin: { inserted: 1, updated: 0 },
    });
    const second = await seedReferenceData(ds, admin);
    expect(Object.values(second).every((c) => c.inserted === 0 && c.updated === 0)).toBe(true);
  });

  it('repairs drifted reference rows and keeps the admin password as changed', async () => {
    await ds.query("UPDATE wilayah SET nama = 'Salah' WHERE kode = '63.11.06'");
    await ds.query("UPDATE ppks_type SET satuan = 'KK' WHERE kode = 'LANJUT_USIA_TERLANTAR'");
    await ds.query(
      "UPDATE app_user SET password_hash = 'changed-by-admin' WHERE username = 'admin'",
    );
    const report = await seedReferenceData(ds, admin);
    expect(report.wilayah).toEqual({ inserted: 0, updated: 1 });
    expect(report.ppksTypes).toEqual({ inserted: 0, updated: 1 });
    expect(report.admin).toEqual({ inserted: 0, updated: 0 });
    const [{ nama }] = await ds.query("SELECT nama FROM wilayah WHERE kode = '63.11.06'");
    expect(nama).toBe('Paringin');
    const [{ password_hash }] = await ds.query(
      "SELECT password_hash FROM app_user WHERE username = 'admin'",
    );
    expect(password_hash).toBe('changed-by-admin');
  });

  it('creates the seeded admin with an audit entry', async () => {
    const rows = await ds.query(
      "SELECT a.actor_role, a.changes FROM audit_entry a JOIN app_user u ON u.id::text = a.entity_id WHERE u.username = 'admin' AND a.action = 'user.create'",
    );
    expect(rows).toEqual([
      {
        actor_role: 'SYSTEM',
        changes: {
          username: { before: null, after: 'admin' },
          role: { before: null, after: 'ADMIN' },
        },
      },
    ]);
  });

  it('uses the same configuration validation as the apps', () => {
    expect(() =>
      AppConfig.from({ JWT_ACCESS_SECRET: 'x'.repeat(32), JWT_REFRESH_SECRET: 'y'.repeat(32) }),
    ).not.toThrow();
  });
});
