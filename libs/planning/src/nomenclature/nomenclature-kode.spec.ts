import { parseNomenclatureKode } from './nomenclature-kode';

describe(parseNomenclatureKode.name, () => {
  it('reads the 4-digit sub-kegiatan form', () => {
    expect(parseNomenclatureKode('1.06.04.2.01.0004')).toEqual({
      kode: '1.06.04.2.01.0004',
      tingkat: 'SUB_KEGIATAN',
      indukKode: '1.06.04.2.01',
    });
  });

  it('stores the 2-digit and space-separated forms printed in the Renja as 4 digits', () => {
    expect(parseNomenclatureKode('1 06 04 2 01 04')?.kode).toBe('1.06.04.2.01.0004');
    expect(parseNomenclatureKode('1.06.04.2.01.04')?.kode).toBe('1.06.04.2.01.0004');
  });

  it('knows each level and its parent', () => {
    expect(parseNomenclatureKode('1')).toMatchObject({ tingkat: 'URUSAN', indukKode: null });
    expect(parseNomenclatureKode('1.06')).toMatchObject({ tingkat: 'BIDANG', indukKode: '1' });
    expect(parseNomenclatureKode('1.06.04')).toMatchObject({
      tingkat: 'PROGRAM',
      indukKode: '1.06',
    });
    expect(parseNomenclatureKode('1.06.04.2.01')).toMatchObject({
      tingkat: 'KEGIATAN',
      indukKode: '1.06.04',
    });
  });

  it.each([
    '',
    'abc',
    '1.6.04',
    '1.06.04.2',
    '1.06.04.2.01.4',
    '1.06.04.2.01.0000',
    '10.06',
    '1.06.04.2.01.0004.1',
  ])('rejects %p', (raw) => {
    expect(parseNomenclatureKode(raw)).toBeNull();
  });
});
