import { parseImportDate, parseImportRow } from './import-row';

const CTX = { today: '2026-11-25', kabupatenKode: '63.11' };
const row = (values: Record<string, string>, line = 2) => ({
  row: line,
  values: {
    nama: 'Abdul Hamid',
    jenis_kelamin: 'L',
    tanggal_lahir: '1947-08-17',
    desa_kode: '63.11.06.2005',
    ...values,
  },
});

describe(parseImportRow.name, () => {
  it('normalizes a good row and keys its household by KK, else DTKS id', () => {
    const parsed = parseImportRow(
      row({
        nik: '6311061708470001',
        no_kk: '6311062001090002',
        nama: '  Abdul   Hamid ',
        jenis_kelamin: 'laki-laki',
        tanggal_lahir: '17/08/1947',
        desa_kode: '6311062005',
        hubungan_keluarga: 'Kepala Keluarga',
        ppks: 'lanjut_usia_terlantar | FAKIR_MISKIN|FAKIR_MISKIN',
        id_dtks: 'DTKS-1',
        desil: '1',
      }),
      CTX,
    );
    expect(parsed).toEqual({
      ok: true,
      record: {
        line: 2,
        nik: '6311061708470001',
        noKk: '6311062001090002',
        name: 'Abdul Hamid',
        sex: 'L',
        birthDate: '1947-08-17',
        birthPlace: null,
        desaKode: '63.11.06.2005',
        alamat: null,
        relationship: 'KEPALA_KELUARGA',
        ppks: ['LANJUT_USIA_TERLANTAR', 'FAKIR_MISKIN'],
        ppksSince: '2026-11-25',
        dtksId: 'DTKS-1',
        desil: 1,
        householdKey: 'kk:6311062001090002',
      },
    });
    const noKk = parseImportRow(row({ id_dtks: 'KAT-01' }), CTX);
    expect(noKk.ok && noKk.record.householdKey).toBe('dtks:KAT-01');
    const alone = parseImportRow(row({}), CTX);
    expect(alone.ok && alone.record.householdKey).toBeNull();
  });

  it('applies the NIK rules against the row’s birth date and sex', () => {
    expect(parseImportRow(row({ nik: '6311061708480001' }), CTX)).toEqual({
      ok: false,
      errors: [
        {
          row: 2,
          field: 'nik',
          reason: 'the birth date in the NIK is 17-08-1948 but birthDate is 1947-08-17',
        },
      ],
    });
  });

  it('reports every problem of a row, each naming its column', () => {
    const parsed = parseImportRow(
      row(
        {
          nama: '',
          jenis_kelamin: 'X',
          tanggal_lahir: '2027-01-01',
          desa_kode: '63.10.01.2001',
          no_kk: '123',
          hubungan_keluarga: 'TETANGGA',
          ppks: 'lansia-1',
          desil: '11',
          id_dtks: 'bad id!',
          ppks_sejak: '31-02-2026',
        },
        9,
      ),
      CTX,
    );
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors.map((e) => [e.row, e.field])).toEqual([
      [9, 'nama'],
      [9, 'jenis_kelamin'],
      [9, 'tanggal_lahir'],
      [9, 'desa_kode'],
      [9, 'no_kk'],
      [9, 'hubungan_keluarga'],
      [9, 'ppks'],
      [9, 'ppks_sejak'],
      [9, 'id_dtks'],
      [9, 'desil'],
    ]);
  });

  it('refuses a desa outside the agency kabupaten', () => {
    const parsed = parseImportRow(row({ desa_kode: '63.10.01.2001' }), CTX);
    expect(!parsed.ok && parsed.errors[0].reason).toBe(
      "63.10.01.2001 is outside the agency's kabupaten 63.11",
    );
  });
});

describe(parseImportDate.name, () => {
  it.each([
    ['1947-08-17', '1947-08-17'],
    ['17-08-1947', '1947-08-17'],
    ['7/8/1947', '1947-08-07'],
    ['1947-02-30', null],
    ['17.08.1947', null],
    ['', null],
  ])('%p → %p', (input, expected) => {
    expect(parseImportDate(input)).toBe(expected);
  });
});
