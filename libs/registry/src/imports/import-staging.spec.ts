import { ImportRecord } from './import-row';
import { copyLine } from './import-staging';

const record: ImportRecord = {
  line: 7,
  nik: null,
  noKk: '6311062001090002',
  name: 'Abdul Hamid',
  sex: 'L',
  birthDate: '1947-08-17',
  birthPlace: null,
  desaKode: '63.11.06.2005',
  alamat: 'RT 02\tDesa\\Hulu\r\nBlok 3',
  relationship: 'KEPALA_KELUARGA',
  ppks: ['LANJUT_USIA_TERLANTAR', 'FAKIR_MISKIN'],
  ppksSince: '2026-11-25',
  dtksId: null,
  desil: 1,
  householdKey: 'kk:6311062001090002',
};

describe(copyLine.name, () => {
  it('writes one line of COPY text: nulls as \\N, tabs, line breaks and backslashes escaped', () => {
    expect(copyLine(3, record)).toBe(
      [
        '3',
        '7',
        '\\N',
        '6311062001090002',
        'Abdul Hamid',
        'L',
        '1947-08-17',
        '\\N',
        '63.11.06.2005',
        'RT 02\\tDesa\\\\Hulu\\r\\nBlok 3',
        'KEPALA_KELUARGA',
        '{LANJUT_USIA_TERLANTAR,FAKIR_MISKIN}',
        '2026-11-25',
        '\\N',
        '1',
        'kk:6311062001090002',
      ].join('\t') + '\n',
    );
  });
});
