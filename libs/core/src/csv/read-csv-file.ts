import { readFileSync } from 'node:fs';
import { CsvRecord, CsvSplitter } from './csv-records';
import { csvDialectOf } from './csv-rows';

/**
 * Reads a small CSV file shipped with the code (reference seed data) whole: records keyed by the
 * header's names as written, values trimmed, by the same reader as the imports.
 */
export function readCsvFile(path: string): Record<string, string>[] {
  const text = readFileSync(path, 'utf8');
  const { delimiter, newline } = csvDialectOf(text);
  const splitter = new CsvSplitter(delimiter, newline);
  const records: CsvRecord[] = [];
  splitter.write(text, records);
  splitter.end(records);
  const [header, ...rows] = records;
  if (!header) return [];
  const names = header.fields.map((name) => name.trim());
  return rows.map(({ fields }) =>
    Object.fromEntries(names.map((name, i) => [name, (fields[i] ?? '').trim()])),
  );
}
