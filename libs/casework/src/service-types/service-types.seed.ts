import { join } from 'node:path';
import { readCsvFile, upsertRecords, UpsertCounts } from '@pilar/core';
import type { EntityManager } from 'typeorm';

/** The service types of the API contract, from `seed-data/service-types.csv`. */
export function seedServiceTypes(m: EntityManager): Promise<UpsertCounts> {
  const rows = readCsvFile(join(__dirname, 'seed-data', 'service-types.csv'));
  return upsertRecords(m, 'service_type', ['kode'], rows);
}
