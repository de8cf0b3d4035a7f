import { toCsv } from './csv';

describe(toCsv.name, () => {
  it('quotes what needs quoting and leaves numbers plain', () => {
    const csv = toCsv({
      name: 'x',
      title: [],
      columns: [
        { key: 'name', header: 'Nama', kind: 'text' },
        { key: 'pagu', header: 'Pagu', kind: 'rupiah' },
        { key: 'capaian', header: 'Capaian', kind: 'percent' },
      ],
      rows: [
        { name: 'Pemberian Bimbingan Fisik, Mental, "Spiritual"', pagu: 33380000, capaian: 99.96 },
        { name: 'Tanpa target', pagu: 0, capaian: null },
      ],
    }).toString('utf8');
    expect(csv).toBe(
      'name,pagu,capaian\r\n' +
        '"Pemberian Bimbingan Fisik, Mental, ""Spiritual""",33380000,99.96\r\n' +
        'Tanpa target,0,\r\n',
    );
  });
});
