import { createReadStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { csvRows, upsertChanged, UpsertCounts } from '@pilar/core';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Tingkat } from './wilayah.entity';

const FILES: { file: string; tingkat: Tingkat; parent: string | null }[] = [
  { file: 'provinces.csv', tingkat: 'PROVINSI', parent: null },
  { file: 'regencies.csv', tingkat: 'KABUPATEN', parent: 'province_code' },
  { file: 'districts.csv', tingkat: 'KECAMATAN', parent: 'regency_code' },
  { file: 'villages.csv', tingkat: 'DESA', parent: 'district_code' },
];

const csvField = (v: string): string => `"${v.replace(/"/g, '""')}"`;

async function* copyLines(dataDir: string): AsyncGenerator<string> {
  for (const { file, tingkat, parent } of FILES) {
    const required = parent ? ['code', 'name', parent] : ['code', 'name'];
    for await (const { values: r } of csvRows(createReadStream(join(dataDir, file)), required)) {
      const induk = parent ? csvField(r[parent]) : '';
      yield `${csvField(r.code)},${csvField(r.name)},${tingkat},${induk}\n`;
    }
  }
}

/**
 * Loads the whole Kemendagri tree (38 provinsi … 83k desa) from the `idn-area-data` package:
 * COPY into a temporary table, then one set-based upsert that touches only rows that differ,
 * so a second run changes nothing.
 */
export async function seedWilayah(client: PoolClient): Promise<UpsertCounts> {
  const dataDir = join(dirname(require.resolve('idn-area-data/package.json')), 'data');
  await client.query(
    'CREATE TEMP TABLE wilayah_load (kode text, nama text, tingkat text, induk_kode text) ON COMMIT DROP',
  );
  await pipeline(
    copyLines(dataDir),
    client.query(copyFrom('COPY wilayah_load FROM STDIN (FORMAT csv)')),
  );
  return upsertChanged(client, {
    table: 'wilayah',
    key: ['kode'],
    columns: ['nama', 'tingkat', 'induk_kode'],
    source: 'wilayah_load',
  });
}
