import { Readable } from 'node:stream';
import { CsvError, CsvRecord, CsvSplitter } from './csv-records';

export interface CsvRow {
  /** 1-based line number in the file, header = line 1: what a spreadsheet user sees. */
  row: number;
  values: Record<string, string>;
}

export class CsvHeaderError extends CsvError {}

/**
 * The separator of the header line: `;` (Indonesian Excel exports, where `1,48` is a decimal) or
 * `,`. Counted outside quotes.
 */
export function detectDelimiter(firstChunk: string): ',' | ';' {
  const header = firstChunk.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 1)[0];
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Enough of the file to hold its header line: a line break is looked for that far. */
const HEADER_MAX_CHARS = 64 * 1024;

/** The line break of a file from its start: `\r\n` or `\n` split on `\n`; `\r` alone on `\r`. */
function newlineOf(head: string): '\n' | '\r' {
  const cr = head.indexOf('\r');
  const lf = head.indexOf('\n');
  return cr !== -1 && (lf === -1 || lf > cr + 1) ? '\r' : '\n';
}

/** How a CSV file is written, from its start (at least its header line). */
export function csvDialectOf(head: string): { delimiter: ',' | ';'; newline: '\n' | '\r' } {
  return { delimiter: detectDelimiter(head), newline: newlineOf(head) };
}

/**
 * Streams a CSV file as records keyed by (lower-cased, trimmed) header names, values trimmed. The
 * separator and the line break are found in the header line; a UTF-8 BOM is accepted. Rows with
 * fewer fields than the header lack the missing keys; fields beyond the header are ignored.
 */
export async function* csvRows(
  input: Readable,
  requiredColumns: readonly string[],
): AsyncGenerator<CsvRow> {
  const chunks = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  // The chunks up to the end of the header line (the first chunk, unless it is tiny).
  const first: (Buffer | string)[] = [];
  let head = '';
  while (!/\n|\r[^]/.test(head) && head.length < HEADER_MAX_CHARS) {
    const next = await chunks.next();
    if (next.done) break;
    first.push(next.value);
    head += next.value.toString();
  }
  const { delimiter, newline } = csvDialectOf(head);
  const splitter = new CsvSplitter(delimiter, newline);
  let names: string[] | null = null;
  const records: CsvRecord[] = [];
  const rowsOf = function* (): Generator<CsvRow> {
    for (const { fields, line } of records.splice(0)) {
      if (names === null) {
        names = fields.map((h) => h.trim().toLowerCase());
        const missing = requiredColumns.filter((c) => !(names as string[]).includes(c));
        if (missing.length) {
          throw new CsvHeaderError(`The header lacks the column(s): ${missing.join(', ')}.`);
        }
        continue;
      }
      const values: Record<string, string> = {};
      const n = Math.min(names.length, fields.length);
      for (let i = 0; i < n; i++) values[names[i]] = fields[i].trim();
      yield { row: line, values };
    }
  };
  for (const chunk of first) {
    splitter.write(chunk, records);
    yield* rowsOf();
  }
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    splitter.write(next.value, records);
    yield* rowsOf();
  }
  splitter.end(records);
  yield* rowsOf();
}
