import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** Reads a small CSV file shipped with the code (reference seed data). */
export function readCsvFile(path: string): Record<string, string>[] {
  return parse(readFileSync(path), {
    columns: true,
    bom: true,
    trim: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
}
