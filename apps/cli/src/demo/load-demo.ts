import type { INestApplicationContext } from '@nestjs/common';
import { AuditService } from '@pilar/audit';
import { AppConfig } from '@pilar/core';
import { ImportRenjaUseCase, IndicatorsService, loadBalanganRenja } from '@pilar/planning';
import { RollupRunner } from '@pilar/rollup';
import { DataSource, EntityManager } from 'typeorm';
import { demoRegistry, insertDemoRegistry } from './demo-registry';
import { DemoRandom } from './demo-random';
import { demoServices, insertDemoServices } from './demo-services';

/** The demo agency: Dinas Sosial Kabupaten Balangan, fiscal year 2022. */
export const DEMO_KABUPATEN = '63.11';
export const DEMO_YEAR = 2022;
const SEED = 63_11_2022;
/** Two loaders started at once (two `npm run up`) must not both load. */
const DEMO_LOCK_KEY = 7_165_331_063;

export type DemoOutcome =
  | { loaded: true; households: number; people: number; services: number; years: number[] }
  | { loaded: false; reason: string };

/**
 * Loads the demo agency into an empty database: the Balangan social Renja 2022 (through
 * planning's loader), a registry of a few thousand PPKS, a year of services, then every figure
 * by a rebuild. Does nothing when the database already has beneficiaries, or the agency is not
 * Balangan. Registry and service records are written set-based, satisfying the registry's and
 * casework's constraints, for speed; the figures then come from the records like any others.
 */
export async function loadDemo(app: INestApplicationContext): Promise<DemoOutcome> {
  const config = app.get(AppConfig);
  const dataSource = app.get(DataSource);
  if (config.agency.kabupatenKode !== DEMO_KABUPATEN) {
    return { loaded: false, reason: `the agency is ${config.agency.kabupatenKode}, not Balangan` };
  }
  if (await hasBeneficiaries(dataSource)) {
    return { loaded: false, reason: 'the database already has beneficiaries' };
  }
  const [admin]: { id: string }[] = await dataSource.query(
    `SELECT id FROM app_user WHERE role = 'ADMIN' AND active ORDER BY created_at LIMIT 1`,
  );
  if (!admin) return { loaded: false, reason: 'there is no ADMIN to record the services as' };

  await loadBalanganRenja(
    { importRenja: app.get(ImportRenjaUseCase), indicators: app.get(IndicatorsService) },
    [DEMO_YEAR],
  );
  const random = new DemoRandom(SEED);
  const desa: { kode: string }[] = await dataSource.query(
    `SELECT kode FROM wilayah WHERE tingkat = 'DESA' AND kode LIKE $1 || '.%' ORDER BY kode`,
    [DEMO_KABUPATEN],
  );
  const registry = demoRegistry(
    random,
    desa.map((d) => d.kode),
    DEMO_YEAR,
  );
  const services = demoServices(random, registry, DEMO_YEAR);
  const loaded = await dataSource.transaction(async (m) => {
    await m.query('SELECT pg_advisory_xact_lock($1)', [DEMO_LOCK_KEY]);
    if (await hasBeneficiaries(m)) return false;
    await insertDemoRegistry(m, registry, admin.id);
    await insertDemoServices(m, services, admin.id);
    await app.get(AuditService).record(m, {
      actor: { id: admin.id, role: 'ADMIN' },
      action: 'demo.load',
      entity: 'demo',
      entityId: `balangan-${DEMO_YEAR}`,
      changes: {
        households: { before: 0, after: registry.households.length },
        people: { before: 0, after: registry.people.length },
        services: { before: 0, after: services.length },
      },
    });
    return true;
  });
  if (!loaded) return { loaded: false, reason: 'another loader filled the database first' };
  const rebuilt = await app.get(RollupRunner).rebuildYears();
  return {
    loaded: true,
    households: registry.households.length,
    people: registry.people.length,
    services: services.length,
    years: rebuilt.years,
  };
}

async function hasBeneficiaries(db: DataSource | EntityManager): Promise<boolean> {
  const [{ found }]: { found: boolean }[] = await db.query(
    'SELECT EXISTS (SELECT 1 FROM beneficiary) AS found',
  );
  return found;
}
