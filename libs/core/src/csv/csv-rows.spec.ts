import { Readable } from 'node:stream';
import { csvRows, detectDelimiter } from './csv-rows';

async function read(text: string, required: string[] = []): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const row of csvRows(Readable.from([Buffer.from(text)]), required)) out.push(row);
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
