import { StringDecoder } from 'node:string_decoder';

/** A file the CSV reader cannot read (header, quoting): retrying will not help. */
export class CsvError extends Error {}

/** A record of a CSV file: its fields, and the 1-based line of the file it ends on. */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/**
 * The longest record accepted. A quote that is never closed would otherwise make the rest of the
 * file one field, held in memory whole; no sensible record comes near this.
 */
const MAX_RECORD_CHARS = 1 << 20;

/**
 * Splits CSV text, streamed in chunks, into records (RFC 4180: fields in double quotes may hold
 * separators, line breaks and `""` for a quote). Lines are split on `\n` (a `\r` before it is
 * dropped), or on `\r` alone for files that use only that; blank lines give no record.
 *
 * Most lines of an import hold no quote at all: those are cut with indexOf and split, and only a
 * line with a quote is read character by character. (csv-parse read every character through its
 * state machine: 1,000,000 rows of the registry bench took about 8 s of the load's one
 * JavaScript thread, this about 2 s.) A quote inside an unquoted field, or text after a closing
 * quote, is taken as it stands, so one odd row is reported by the row checks instead of failing
 * the file.
 */
export class CsvSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private text = '';
  /** The line of the file where `text` starts. */
  private line = 1;
  private started = false;

  constructor(
    private readonly delimiter: string,
    private readonly newline: '\n' | '\r',
  ) {}

  /** The whole records of `chunk` and of what was left over from the chunks before. */
  write(chunk: Buffer | string, out: CsvRecord[]): void {
    let text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    if (!this.started && text) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.text += text;
    this.split(out, false);
  }

  /** The last record, when the file does not end with a line break. */
  end(out: CsvRecord[]): void {
    this.text += this.decoder.end();
    this.split(out, true);
  }

  private split(out: CsvRecord[], final: boolean): void {
    const { text, newline } = this;
    let pos = 0;
    // The next quote at or after `pos` (-1: none in the rest of the text), found once, not per line.
    let quote = text.indexOf('"');
    while (pos < text.length) {
      let eol = text.indexOf(newline, pos);
      if (eol === -1) {
        if (!final) break;
        eol = text.length;
      }
      if (quote !== -1 && quote < pos) quote = text.indexOf('"', pos);
      if (quote === -1 || quote > eol) {
        const end = eol > pos && text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
        const record = text.slice(pos, end);
        if (record.trim() !== '') {
          out.push({ fields: record.split(this.delimiter), line: this.line });
        }
        this.line++;
        pos = eol + 1;
        continue;
      }
      const quoted = this.quotedRecord(pos, final);
      if (quoted === null) break;
      out.push(quoted.record);
      pos = quoted.next;
    }
    this.text = text.slice(pos);
    if (this.text.length > MAX_RECORD_CHARS) {
      throw new CsvError(
        `Line ${this.line}: a record longer than ${MAX_RECORD_CHARS} characters (a quote not closed?).`,
      );
    }
  }

  /**
   * The record starting at `pos` that holds a quote, read character by character; null when the
   * text so far ends inside it (more is to come).
   */
  private quotedRecord(pos: number, final: boolean): { record: CsvRecord; next: number } | null {
    const { text, delimiter, newline } = this;
    const fields: string[] = [];
    let field = '';
    let inQuotes = false;
    let fieldStart = true;
    let lines = 0;
    let i = pos;
    for (; i < text.length; i++) {
      const ch = text[i];
      if (inQuotes) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else if (i + 1 === text.length && !final) {
            return null;
          } else {
            inQuotes = false;
          }
        } else {
          if (ch === newline) lines++;
          field += ch;
        }
      } else if (ch === delimiter) {
        fields.push(field);
        field = '';
        fieldStart = true;
      } else if (ch === newline) {
        break;
      } else if (ch === '"' && fieldStart && field.trim() === '') {
        field = '';
        inQuotes = true;
        fieldStart = false;
      } else {
        field += ch;
        if (ch !== ' ' && ch !== '\t') fieldStart = false;
      }
    }
    if (i === text.length && !final) return null;
    if (inQuotes) throw new CsvError(`Line ${this.line}: a quote is not closed.`);
    fields.push(field.endsWith('\r') ? field.slice(0, -1) : field);
    const record = { fields, line: this.line + lines };
    this.line += lines + 1;
    return { record, next: i + 1 };
  }
}
