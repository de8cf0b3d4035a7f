import { Role } from '@pilar/auth';
import { loadDemo, DEMO_YEAR } from '@pilar/cli/demo/load-demo';
import {
  LakipReport,
  RenjaGroupSummary,
  RenjaReport,
  RenjaReportRow,
  SpmReport,
  SpmServiceFigures,
  TABEL_2_1,
  TABEL_2_1_HEADER_ROWS,
} from '@pilar/reports';
import { SignedInUser, TestApp } from '@pilar/testing';
import { Workbook, Worksheet } from 'exceljs';
import type { Response } from 'supertest';
import { bearer } from './casework-fixtures';
import { waitForRollup } from './rollup-fixtures';

const binary = (res: Response, done: (err: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

const cellValue = (sheet: Worksheet, row: number, column: number): unknown => {
  const v = sheet.getCell(row, column).value;
  return v === undefined ? null : v;
};

/** Splits CSV text (RFC 4180) into records of strings. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') field += text[i++];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n') {
      record.push(field.replace(/\r$/, ''));
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  return records;
}

const csvValue = (v: unknown): string =>
  v === null || v === undefined
    ? ''
    : typeof v === 'object'
      ? JSON.stringify(v)
      : `${v as string | number}`;

/**
 * The demo agency (Balangan 2022) loaded into a fresh database, and every report read back in
 * each format: the spreadsheet and CSV cells must equal the JSON figures.
 */
describe('Reports on the demo agency (e2e: demo loader, JSON, CSV, XLSX)', () => {
  let t: TestApp;
  let pimpinan: SignedInUser;
  let admin: SignedInUser;
  const get = (path: string) => t.http.get(`/api/v1/reports/${path}`).set(bearer(pimpinan));
  const workbook = async (path: string): Promise<Worksheet> => {
    const res = await get(path).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new Workbook();
    // exceljs types its input as an ArrayBuffer; hand it a copy of the bytes as one.
    await wb.xlsx.load(new Uint8Array(res.body as Buffer).buffer);
    return wb.worksheets[0];
  };

  beforeAll(async () => {
    t = await TestApp.create();
    admin = await t.signIn(Role.Admin);
    pimpinan = await t.signIn(Role.Pimpinan);
    const outcome = await loadDemo(t.app);
    expect(outcome).toMatchObject({ loaded: true, years: expect.arrayContaining([DEMO_YEAR]) });
  });
  afterAll(() => t.close());

  it('loads the demo once: a second run changes nothing', async () => {
    const [before] = await t.dataSource.query(
      'SELECT (SELECT count(*) FROM beneficiary) AS b, (SELECT count(*) FROM service_event) AS s',
    );
    expect(await loadDemo(t.app)).toEqual({
      loaded: false,
      reason: 'the database already has beneficiaries',
    });
    const [after] = await t.dataSource.query(
      'SELECT (SELECT count(*) FROM beneficiary) AS b, (SELECT count(*) FROM service_event) AS s',
    );
    expect(after).toEqual(before);
    expect(Number(before.b)).toBeGreaterThan(2000);
  });

  it('gives the Renja report figures from the demo records', async () => {
    const { body } = await get(`renja?year=${DEMO_YEAR}`).expect(200);
    const permakanan = body.rows.find((r: { kode: string }) => r.kode === '1.06.04.2.01.0001');
    const [{ people, rupiah }] = await t.dataSource.query(
      `SELECT count(DISTINCT e.beneficiary_id)::int AS people, sum(e.amount)::bigint AS rupiah
       FROM service_event e
       WHERE e.sub_kegiatan_kode = '1.06.04.2.01.0001' AND e.service_type = 'PERMAKANAN'
         AND e.voided_at IS NULL
         AND EXISTS (SELECT 1 FROM ppks_classification c WHERE c.beneficiary_id = e.beneficiary_id
                     AND c.ppks_kode = 'LANJUT_USIA_TERLANTAR' AND c.verification <> 'REJECTED'
                     AND c.since <= '2022-12-31' AND (c.until IS NULL OR c.until >= '2022-01-01'))`,
    );
    expect(permakanan).toMatchObject({
      indicator: 'Jumlah lanjut usia yang terpenuhi kebutuhan dasarnya',
      target: 600,
      pagu: 203_425_000,
      realisasi: { total: people },
    });
    expect(permakanan.realisasiAnggaran).toBe(Number(rupiah));
    expect(
      body.rows
        .filter((r: { level: string }) => r.level === 'PROGRAM')
        .map((r: { kode: string }) => r.kode),
    ).toEqual(expect.arrayContaining(['1.06.02', '1.06.04', '1.06.05', '1.06.06', '1.06.07']));
  });

  it('writes Tabel 2.1 in XLSX with the same cells as the JSON report', async () => {
    const report = (await get(`renja?year=${DEMO_YEAR}`).expect(200)).body as RenjaReport;
    const sheet = await workbook(`renja?year=${DEMO_YEAR}&format=xlsx`);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: TABEL_2_1_HEADER_ROWS });
    expect(cellValue(sheet, 1, 1)).toBe('Tabel 2.1');
    expect(cellValue(sheet, TABEL_2_1_HEADER_ROWS - 1, TABEL_2_1.targetRenja)).toBe('K');
    expect(cellValue(sheet, TABEL_2_1_HEADER_ROWS - 1, TABEL_2_1.targetRenja + 1)).toBe('Rp');

    const lines: number[] = [];
    const footers: number[] = [];
    for (let r = TABEL_2_1_HEADER_ROWS + 1; r <= sheet.rowCount; r++) {
      const label = sheet.getCell(r, TABEL_2_1.nama).text;
      if (cellValue(sheet, r, TABEL_2_1.kode) !== null) lines.push(r);
      else if (/^(Rata-rata|Predikat)/.test(label)) footers.push(r);
    }
    expect(lines).toHaveLength(report.rows.length);
    let previousKode: string | null = null;
    report.rows.forEach((row: RenjaReportRow, i: number) => {
      const r = lines[i];
      const firstOfNode = row.kode !== previousKode;
      previousKode = row.kode;
      const at = (column: number) => cellValue(sheet, r, column);
      expect([
        at(TABEL_2_1.kode),
        at(TABEL_2_1.nama),
        at(TABEL_2_1.indikator),
        at(TABEL_2_1.satuan),
      ]).toEqual([row.kode, row.name, row.indicator, row.unit]);
      expect(at(TABEL_2_1.targetRenja)).toBe(row.target);
      expect(at(TABEL_2_1.targetRenja + 1)).toBe(firstOfNode ? row.pagu : null);
      (['tw1', 'tw2', 'tw3', 'tw4'] as const).forEach((tw, q) => {
        expect(at(TABEL_2_1.triwulan[q])).toBe(row.realisasiYtd[tw]);
        expect(at(TABEL_2_1.triwulan[q] + 1)).toBe(
          firstOfNode ? row.realisasiAnggaranYtd[tw] : null,
        );
      });
      expect(at(TABEL_2_1.realisasi)).toBe(row.realisasi.total);
      expect(at(TABEL_2_1.realisasi + 1)).toBe(firstOfNode ? row.realisasiAnggaran : null);
      expect(at(TABEL_2_1.capaian)).toBe(row.capaian);
      expect(at(TABEL_2_1.capaian + 1)).toBe(firstOfNode ? row.serapan : null);
      expect(at(TABEL_2_1.efisiensi)).toBe(row.efisiensi);
      expect(at(TABEL_2_1.predikat)).toBe(row.predikat);
    });
    // Footers: the mean capaian (K, Rp) then the predikat, in the summaries' order.
    expect(footers).toHaveLength(report.summaries.length * 2);
    report.summaries.forEach((s: RenjaGroupSummary, i: number) => {
      const mean = footers[2 * i];
      const grade = footers[2 * i + 1];
      expect([
        cellValue(sheet, mean, TABEL_2_1.capaian),
        cellValue(sheet, mean, TABEL_2_1.capaian + 1),
      ]).toEqual([s.rataRataCapaianKinerja, s.rataRataCapaianAnggaran]);
      expect([
        cellValue(sheet, grade, TABEL_2_1.capaian),
        cellValue(sheet, grade, TABEL_2_1.capaian + 1),
      ]).toEqual([s.predikatKinerja, s.predikatAnggaran]);
    });
    // Numbers stay numbers, shown with thousands separators; widths follow the content.
    const paguCell = sheet.getCell(lines[0], TABEL_2_1.targetRenja + 1);
    expect(typeof paguCell.value).toBe('number');
    expect(paguCell.numFmt).toBe('#,##0');
    expect(sheet.getColumn(TABEL_2_1.nama).width).toBeGreaterThan(
      sheet.getColumn(TABEL_2_1.no).width ?? 0,
    );
  });

  it('writes the Renja CSV with the JSON figures as plain numbers', async () => {
    const report = (await get(`renja?year=${DEMO_YEAR}`).expect(200)).body as RenjaReport;
    const res = await get(`renja?year=${DEMO_YEAR}&format=csv`).expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="renja-${DEMO_YEAR}.csv"`,
    );
    const [header, ...records] = parseCsv(res.text);
    expect(records).toHaveLength(report.rows.length);
    const column = (name: string) => header.indexOf(name);
    report.rows.forEach((row: RenjaReportRow, i: number) => {
      expect(records[i][column('subKegiatanKode')]).toBe(csvValue(row.subKegiatanKode));
      expect(records[i][column('realisasiTotal')]).toBe(csvValue(row.realisasi.total));
      expect(records[i][column('capaian')]).toBe(csvValue(row.capaian));
      expect(records[i][column('pagu')]).toBe(csvValue(row.pagu));
      expect(records[i][column('serapan')]).toBe(csvValue(row.serapan));
    });
  });

  it('writes coverage, SPM and LAKIP spreadsheets equal to their JSON', async () => {
    const coverage = (await get(`ppks-coverage?year=${DEMO_YEAR}`).expect(200)).body;
    expect(coverage.length).toBeGreaterThan(8);
    const coverageSheet = await workbook(`ppks-coverage?year=${DEMO_YEAR}&format=xlsx`);
    const header = 4;
    expect(cellValue(coverageSheet, header, 1)).toBe('Kode PPKS');
    coverage.forEach((row: Record<string, unknown>, i: number) => {
      const r = header + 1 + i;
      expect([1, 4, 6, 7, 8].map((c) => cellValue(coverageSheet, r, c))).toEqual([
        row.ppks,
        row.wilayahKode,
        row.registered,
        row.served,
        row.coverage,
      ]);
    });

    const spm = (await get(`spm?year=${DEMO_YEAR}`).expect(200)).body as SpmReport;
    expect(spm.services.map((s: { spm: string }) => s.spm)).toEqual(['A', 'B', 'C', 'D', 'E']);
    // The flood: 420 victims, 380 given a ration in person and all in flooded families' rations.
    expect(spm.services[4]).toMatchObject({ needing: 420, served: 420, coverage: 100 });
    const spmSheet = await workbook(`spm?year=${DEMO_YEAR}&format=xlsx`);
    const spmRows = spm.services.flatMap((s: SpmServiceFigures) => [
      ...s.perKecamatan.map((k) => [s.spm, k.wilayahKode, k.needing, k.served, k.coverage]),
      [s.spm, spm.wilayahKode, s.needing, s.served, s.coverage],
    ]);
    spmRows.forEach((expected: unknown[], i: number) => {
      expect([1, 3, 6, 7, 8].map((c) => cellValue(spmSheet, header + 1 + i, c))).toEqual(expected);
    });

    const lakip = (await get(`lakip?year=${DEMO_YEAR}`).expect(200)).body as LakipReport;
    expect(lakip.sasaran.length).toBeGreaterThan(3);
    const lakipCsv = parseCsv((await get(`lakip?year=${DEMO_YEAR}&format=csv`).expect(200)).text);
    const lakipRows = lakip.sasaran.flatMap((s) => [
      ...s.indicators.map((i) => [s.sasaran, i.indicator, i.realisasi, i.capaian]),
      [s.sasaran, 'Rata-rata capaian sasaran', null, s.rataRataCapaian],
    ]);
    expect(lakipCsv.slice(1).map((r) => [r[0], r[1], r[4], r[5]])).toEqual(
      lakipRows.map((r: unknown[]) => r.map(csvValue)),
    );
  });

  it('lets PIMPINAN read every report but not rebuild, and keeps field roles out', async () => {
    const tksk = await t.signIn(Role.Tksk, '63.11.06');
    await t.http.get(`/api/v1/reports/spm?year=${DEMO_YEAR}`).set(bearer(tksk)).expect(403);
    await t.http.post('/api/v1/rollup/rebuild').set(bearer(pimpinan)).send({}).expect(403);
    await get(`ppks-coverage?year=${DEMO_YEAR}&wilayahKode=63.11.06.2001`).expect(400);
    const oneKecamatan = (
      await get(`ppks-coverage?year=${DEMO_YEAR}&wilayahKode=63.11.06`).expect(200)
    ).body;
    expect(new Set(oneKecamatan.map((r: { wilayahKode: string }) => r.wilayahKode))).toEqual(
      new Set(['63.11.06']),
    );
  });

  it('agrees with the incremental roll-up: draining the registry changes the demo noted moves no figure', async () => {
    const before = (await get(`renja?year=${DEMO_YEAR}`).expect(200)).body;
    const pending = (await t.http.get('/api/v1/rollup/status').set(bearer(admin)).expect(200)).body
      .pending;
    expect(pending).toBeGreaterThan(1000);
    await t.startWorker();
    await waitForRollup(t, admin);
    const after = (await get(`renja?year=${DEMO_YEAR}`).expect(200)).body;
    expect({ ...after, asOf: null }).toEqual({ ...before, asOf: null });
  });
});
