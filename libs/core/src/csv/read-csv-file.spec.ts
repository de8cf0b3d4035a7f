import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsvFile } from './read-csv-file';

describe(readCsvFile.name, () => {
  let dir: string;
  const file = (text: string): string => {
    const path = join(dir, 'data.csv');
    writeFileSync(path, text);
    return path;
  };
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'pilar-csv-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keys each record by the header as written, values trimmed, blank lines skipped', () => {
    const path = file(
      '\uFEFFkode,Nama,keterangan\r\n1.06, Dinas Sosial ,"bantuan, ""sosial"""\r\n\r\n2,Lansia,\r\n',
    );
    expect(readCsvFile(path)).toEqual([
      { kode: '1.06', Nama: 'Dinas Sosial', keterangan: 'bantuan, "sosial"' },
      { kode: '2', Nama: 'Lansia', keterangan: '' },
    ]);
  });

  it('gives a short record empty values for the columns it lacks', () => {
    expect(readCsvFile(file('nomor;kode;nama\n1;A\n'))).toEqual([
      { nomor: '1', kode: 'A', nama: '' },
    ]);
  });

  it('reads an empty file as no records', () => {
    expect(readCsvFile(file(''))).toEqual([]);
  });
});
