import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';

export interface CsvRow {
  /** 1-based line number in the file, header = line 1: what a spreadsheet user sees. */
  row: number;
  values: Record<string, string>;
}

export class CsvHeaderError extends Error {}

/**
 * Streams a CSV file as records keyed by (lower-cased, trimmed) header names. Accepts comma or
 * semicolon separators (Indonesian Excel exports use `;`) and a UTF-8 BOM.
 */
export async function* csvRows(
  input: Readable,
  requiredColumns: readonly string[],
): AsyncGenerator<CsvRow> {
  const parser = parse({
    bom: true,
    columns: (header: string[]) => {
      const names = header.map((h) => h.trim().toLowerCase());
      const missing = requiredColumns.filter((c) => !names.includes(c));
      if (missing.length) {
        throw new CsvHeaderError(`The header lacks the column(s): ${missing.join(', ')}.`);
      }
      return names;
    },
    delimiter: [',', ';'],
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
  });
  input.pipe(parser);
  input.on('error', (err) => parser.destroy(err));
  for await (const item of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    yield { row: item.info.lines, values: item.record };
  }
}
