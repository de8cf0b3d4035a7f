import { Workbook } from 'exceljs';
import type { ReportTable } from './report-table';
import { BORDER, fitColumnWidths, NUMBER_FORMATS, styleHeaderCell } from './xlsx-style';

/**
 * A one-sheet workbook of a flat table: title lines, a bold header row that stays frozen on
 * screen, number cells with number formats, and widths that fit the content.
 */
export async function toXlsx(table: ReportTable): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Pilar';
  const headerRow = table.title.length + 2;
  const sheet = workbook.addWorksheet(table.name, {
    views: [{ state: 'frozen', ySplit: headerRow }],
  });
  table.title.forEach((line, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = line;
    cell.font = { bold: i === 0, size: i === 0 ? 13 : 11 };
  });
  const header = sheet.getRow(headerRow);
  table.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    styleHeaderCell(cell);
  });
  table.rows.forEach((values, r) => {
    const row = sheet.getRow(headerRow + 1 + r);
    table.columns.forEach((column, i) => {
      const cell = row.getCell(i + 1);
      cell.value = values[column.key] ?? null;
      cell.border = BORDER;
      if (column.kind !== 'text') cell.numFmt = NUMBER_FORMATS[column.kind];
      else cell.alignment = { wrapText: true, vertical: 'top' };
    });
  });
  fitColumnWidths(sheet, { columns: table.columns.length, skipRows: headerRow });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
