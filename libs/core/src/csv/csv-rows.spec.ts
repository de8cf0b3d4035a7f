import { Readable } from 'node:stream';
import { CsvError } from './csv-records';
import { csvRows, detectDelimiter } from './csv-rows';

/** The rows of `text`, handed to the reader in chunks of `chunkBytes` (default: one chunk). */
async function read(text: string, required: string[] = [], chunkBytes = 0): Promise<unknown[]> {
  const bytes = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += chunkBytes || bytes.length) {
    chunks.push(bytes.subarray(at, at + (chunkBytes || bytes.length)));
  }
  const out: unknown[] = [];
  for await (const row of csvRows(Readable.from(chunks), required)) out.push(row);
  return out;
}

describe(csvRows.name, () => {
  it('reads semicolon files with decimal commas (Indonesian Excel exports)', async () => {
    expect(await read('kode;target\n1.06.04;1,48\n')).toEqual([
      { row: 2, values: { kode: '1.06.04', target: '1,48' } },
    ]);
  });

  it('reads comma files with quoted fields and a BOM, numbering lines as a spreadsheet does', async () => {
    expect(await read('\uFEFFKode,Nama\n1.06,"Sosial, Urusan"\n\n1.06.04,Rehsos\n')).toEqual([
      { row: 2, values: { kode: '1.06', nama: 'Sosial, Urusan' } },
      { row: 4, values: { kode: '1.06.04', nama: 'Rehsos' } },
    ]);
  });

  it('reads quoted separators, quotes and line breaks, numbering a record by its last line', async () => {
    const text =
      'nik;nama;alamat\r\n1;" Siti ""Aluh"" ";"Jl. A; RT 1\r\nDesa B"\r\n2;Masri;\r\n3;Nur\r\n';
    const expected = [
      { row: 3, values: { nik: '1', nama: 'Siti "Aluh"', alamat: 'Jl. A; RT 1\r\nDesa B' } },
      { row: 4, values: { nik: '2', nama: 'Masri', alamat: '' } },
      { row: 5, values: { nik: '3', nama: 'Nur' } },
    ];
    expect(await read(text)).toEqual(expected);
    // The same, cut anywhere: in a quoted field, between \r and \n, inside a UTF-8 character.
    for (const chunkBytes of [1, 2, 3, 7]) {
      expect(await read(text, [], chunkBytes)).toEqual(expected);
    }
    expect(await read('nama,desa\nSiti Ñurul,Balang\n', [], 12)).toEqual([
      { row: 2, values: { nama: 'Siti Ñurul', desa: 'Balang' } },
    ]);
  });

  it('takes a stray quote as it stands, so the row checks can report the row', async () => {
    expect(await read('nama,alamat\nSiti "Aluh",Jl. 5" Raya\n"Nur" Aini,x\n')).toEqual([
      { row: 2, values: { nama: 'Siti "Aluh"', alamat: 'Jl. 5" Raya' } },
      { row: 3, values: { nama: 'Nur Aini', alamat: 'x' } },
    ]);
  });

  it('refuses a file with a quote that is never closed', async () => {
    await expect(read('nama,alamat\nSiti,"Jl. A\nNur,x\n')).rejects.toThrow(
      new CsvError('Line 2: a quote is not closed.'),
    );
  });

  it('reads files whose lines end in a carriage return alone', async () => {
    expect(await read('nama;desa\rSiti;Balang\r\rNur;Batu\r')).toEqual([
      { row: 2, values: { nama: 'Siti', desa: 'Balang' } },
      { row: 4, values: { nama: 'Nur', desa: 'Batu' } },
    ]);
  });

  it('names the missing required columns', async () => {
    await expect(read('code,name\n1,x\n', ['kode', 'nama'])).rejects.toThrow(
      'The header lacks the column(s): kode, nama.',
    );
  });

  it('detects the separator from the header only, outside quotes', () => {
    expect(detectDelimiter('"a;b",c\n1;2;3;4')).toBe(',');
    expect(detectDelimiter('a;b;c\n"1,2",3')).toBe(';');
  });
});
