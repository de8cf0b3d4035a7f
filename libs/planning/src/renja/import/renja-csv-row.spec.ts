import { readRenjaCsvRow } from './renja-csv-row';

const read = (values: Record<string, string>) => readRenjaCsvRow({ row: 7, values });

describe(readRenjaCsvRow.name, () => {
  it('reads a sub-kegiatan row as the agencies print it', () => {
    expect(
      read({
        kode: '1 06 02 2 01 01',
        indikator: 'Jumlah lokasi KAT yang di petakan',
        satuan: 'Lokasi',
        lokasi: 'Balangan',
        target: '1 lokasi',
        pagu: 'Rp 92.000.000,00',
        'sumber dana': 'apbd',
      }).parsed,
    ).toMatchObject({
      node: { kode: '1.06.02.2.01.0001', tingkat: 'SUB_KEGIATAN' },
      target: '1',
      pagu: 92_000_000n,
      lokasi: 'Balangan',
      sumberDana: 'APBD',
    });
  });

  it('reads Indonesian targets and the "-" of an empty pagu', () => {
    const row = (target: string, pagu: string) =>
      read({ kode: '1.06.05.2.02.0002', indikator: 'X', satuan: 'KK', target, pagu }).parsed;
    expect(row('12.084', '168.140.000')).toMatchObject({ target: '12084', pagu: 168_140_000n });
    expect(row('1,48', 'Rp -')).toMatchObject({ target: '1.48', pagu: 0n });
    expect(row('100,00%', '-')).toMatchObject({ target: '100', pagu: 0n });
    expect(row('', '')).toMatchObject({ target: null, pagu: null });
  });

  it('takes a row without kode as another indikator of the row above', () => {
    expect(
      read({ kode: '', indikator: 'Jumlah PKH', satuan: 'KK', target: '3757', pagu: '' }).parsed,
    ).toMatchObject({ node: null, indikator: 'Jumlah PKH', target: '3757' });
  });

  it('names every bad cell', () => {
    const { parsed, errors } = read({
      kode: '1.06',
      indikator: 'Y',
      satuan: '',
      target: 'banyak',
      pagu: '-5.000',
      sumber_dana: 'Kas Desa',
    });
    expect(parsed).toBeNull();
    expect(errors.map((e) => e.field)).toEqual(['kode', 'pagu', 'target', 'satuan', 'sumber_dana']);
    expect(errors[1].reason).toBe('must not be negative');
  });

  it('refuses pagu with sen and a pagu on an indikator-only row', () => {
    expect(read({ kode: '1.06.04.2.01.0001', pagu: '4.294.545.153,15' }).errors[0].reason).toMatch(
      /has sen/,
    );
    expect(read({ kode: '', indikator: 'Z', satuan: 'KK', pagu: '100' }).errors[0].field).toBe(
      'pagu',
    );
  });

  it('skips blank rows', () => {
    expect(read({ kode: ' ', pagu: '' })).toEqual({ parsed: null, errors: [] });
  });
});
