import { Readable } from 'node:stream';
import { Parser } from 'csv-parse';

export interface CsvRow {
  /** 1-based line number in the file, header = line 1: what a spreadsheet user sees. */
  row: number;
  values: Record<string, string>;
}

export class CsvHeaderError extends Error {}

/** The first chunk of `input`, and a stream that still yields the whole of it. */
async function peek(input: Readable): Promise<{ head: string; whole: Readable }> {
  const chunks = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const first = await chunks.next();
  async function* replay(): AsyncGenerator<Buffer | string> {
    if (first.done) return;
    yield first.value;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  }
  // One chunk of read-ahead: the chunks may be large (1 MiB from the job file store), and the
  // default of 16 kept up to 16 of them waiting for the parser.
  return {
    head: first.done ? '' : first.value.toString(),
    whole: Readable.from(replay(), { highWaterMark: 1 }),
  };
}

/**
 * The separator of the header line: `;` (Indonesian Excel exports, where `1,48` is a decimal) or
 * `,`. Counted outside quotes.
 */
export function detectDelimiter(firstChunk: string): ',' | ';' {
  const header = firstChunk.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
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

/** A record as the parser hands it on: its values and the line of the file it ends on. */
interface NumberedRecord {
  values: Record<string, string>;
  line: number;
}

/**
 * csv-parse, numbering each record with the line it ends on. Its own `info` option does that by
 * copying the parser's whole state into new objects for every record, which cost more than the
 * parsing itself (100,000 rows of the registry bench: 1.3 s through csvRows with it, 0.8 s
 * without). The parser pushes each record synchronously, while its line counter still stands at
 * that record: reading the counter there gives the same number.
 */
class LineNumberingParser extends Parser {
  override push(record: Record<string, string> | null, encoding?: BufferEncoding): boolean {
    const numbered: NumberedRecord | null =
      record === null ? null : { values: record, line: this.info.lines };
    return super.push(numbered, encoding);
  }
}

/**
 * Streams a CSV file as records keyed by (lower-cased, trimmed) header names. The separator is
 * detected from the header line; a UTF-8 BOM is accepted.
 */
export async function* csvRows(
  input: Readable,
  requiredColumns: readonly string[],
): AsyncGenerator<CsvRow> {
  const { head, whole } = await peek(input);
  const delimiter = detectDelimiter(head);
  const parser = new LineNumberingParser({
    bom: true,
    columns: (header: string[]) => {
      const names = header.map((h) => h.trim().toLowerCase());
      const missing = requiredColumns.filter((c) => !names.includes(c));
      if (missing.length) {
        throw new CsvHeaderError(`The header lacks the column(s): ${missing.join(', ')}.`);
      }
      return names;
    },
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
  });
  whole.pipe(parser);
  whole.on('error', (err) => parser.destroy(err));
  for await (const item of parser as AsyncIterable<NumberedRecord>) {
    yield { row: item.line, values: item.values };
  }
}
