import type { Cell, CellValue, Worksheet } from 'exceljs';
import type { ColumnKind } from './report-table';

/**
 * Number formats. A workbook stores them in the one syntax Excel understands (`#,##0.00`); Excel
 * and LibreOffice show them with the viewer's separators, so on the agencies' Indonesian-locale
 * machines `99.39` reads `99,39` and `16257059079` reads `16.257.059.079`, while the cells stay
 * numbers that Bappeda and Inspektorat can add up.
 */
export const NUMBER_FORMATS: Record<Exclude<ColumnKind, 'text'>, string> = {
  integer: '#,##0',
  rupiah: '#,##0',
  decimal: '#,##0.###',
  percent: '#,##0.00',
};

export const HEADER_FILL = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFD9E1F2' },
} as const;

const THIN = { style: 'thin' } as const;
export const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN } as const;

export function styleHeaderCell(cell: Cell): void {
  cell.font = { bold: true };
  cell.fill = HEADER_FILL;
  cell.border = BORDER;
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

/**
 * Sets each column's width to its longest content (as displayed, with Indonesian separators),
 * between a floor and a ceiling; longer texts wrap. `skipRows` header rows are ignored, since
 * header texts wrap.
 */
export function fitColumnWidths(
  sheet: Worksheet,
  options: { columns: number; skipRows: number; min?: number; max?: number },
): void {
  const min = options.min ?? 6;
  const max = options.max ?? 60;
  for (let index = 1; index <= options.columns; index++) {
    let longest = min;
    const column = sheet.getColumn(index);
    column.eachCell({ includeEmpty: false }, (cell, rowNumber) => {
      // Merged cells (titles, footers) span several columns: they do not size any one of them.
      if (rowNumber <= options.skipRows || cell.isMerged) return;
      longest = Math.max(longest, displayedLength(cell.value, cell.numFmt) + 2);
    });
    column.width = Math.min(max, longest);
  }
}

function displayedLength(value: CellValue, numFmt: string | undefined): number {
  if (typeof value === 'number') {
    const decimals = numFmt?.includes('.00') ? 2 : 3;
    return value.toLocaleString('id-ID', { maximumFractionDigits: decimals }).length;
  }
  return typeof value === 'string' ? value.length : 0;
}
