import { ApiProperty } from '@nestjs/swagger';
import { HistoryEntry, ListPage } from '@pilar/registry';

class HistoryRefResponse {
  @ApiProperty({ description: 'Kind of record.', example: 'ppks_classification' })
  entity: string;

  @ApiProperty({
    description: 'Id of that record.',
    example: '9b1d3c2e-1f4a-4b6c-8d7e-0a1b2c3d4e5f',
  })
  id: string;
}

export class HistoryEntryResponse {
  @ApiProperty({ description: 'Day it happened.', example: '2026-01-15' })
  date: string;

  @ApiProperty({
    description: 'PPKS_START, PPKS_END, SERVICE, CASE_… (sources add their own).',
    example: 'PPKS_START',
  })
  type: string;

  @ApiProperty({ type: HistoryRefResponse })
  ref: HistoryRefResponse;

  @ApiProperty({
    description: 'One line for the timeline.',
    example: 'Lanjut Usia Terlantar (DTKS, VERIFIED)',
  })
  summary: string;

  @ApiProperty({
    description: 'Facts of the entry, by source.',
    example: { ppksKode: 'LANJUT_USIA_TERLANTAR', level: 'PERSON', source: 'DTKS' },
  })
  details: Record<string, unknown>;
}

export class HistoryPageResponse {
  @ApiProperty({ type: [HistoryEntryResponse] })
  items: HistoryEntryResponse[];

  @ApiProperty({
    description: 'Cursor of the next page; null on the last.',
    nullable: true,
    type: String,
    example: null,
  })
  nextCursor: string | null;
}

export function toHistoryPage(page: ListPage<HistoryEntry>): HistoryPageResponse {
  return {
    items: page.items.map((e) => ({
      date: e.date,
      type: e.type,
      ref: { entity: e.ref.entity, id: e.ref.id },
      summary: e.summary,
      details: e.details,
    })),
    nextCursor: page.nextCursor,
  };
}
