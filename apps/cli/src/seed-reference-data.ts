import { AuditService } from '@pilar/audit';
import { seedAdmin } from '@pilar/auth';
import { seedServiceTypes } from '@pilar/casework';
import { UpsertCounts, withRawClient } from '@pilar/core';
import { seedNomenclature } from '@pilar/planning';
import { seedPpksTypes } from '@pilar/registry';
import { seedWilayah } from '@pilar/wilayah';
import { DataSource } from 'typeorm';

export type SeedReport = Record<string, UpsertCounts>;

/**
 * Loads every piece of reference data, idempotently: a second run reports zero inserted and
 * zero updated everywhere. The admin account comes last, so its wilayah FK is satisfied.
 */
export async function seedReferenceData(
  dataSource: DataSource,
  admin: { username: string; password: string } | null,
): Promise<SeedReport> {
  const report: SeedReport = {};
  await withRawClient(dataSource, async (client, m) => {
    report.wilayah = await seedWilayah(client);
    report.ppksTypes = await seedPpksTypes(m);
    report.serviceTypes = await seedServiceTypes(m);
    report.nomenclature = await seedNomenclature(m);
  });
  if (admin) report.admin = await seedAdmin(dataSource, new AuditService(dataSource), admin);
  return report;
}
