import { Injectable } from '@nestjs/common';
import type { WilayahScope } from '@pilar/auth';
import { decodeCursor, encodeCursor } from '@pilar/core';
import { DataSource } from 'typeorm';
import { BeneficiariesService } from '../beneficiaries/beneficiaries.service';
import { ListPage } from '../registry.types';
import { BeneficiaryHistorySource, HistoryEntry } from './history.types';
import { PpksHistorySource } from './ppks-history.source';

type EntryKey = [string, string, string];

const keyOf = (e: HistoryEntry): EntryKey => [e.date, e.type, e.ref.id];
const compareKeys = (a: EntryKey, b: EntryKey): number => {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
};

/**
 * A person's history in time order, merged from every registered source: the registry's PPKS
 * periods, and (once casework registers them) services and cases.
 */
@Injectable()
export class BeneficiaryHistoryService {
  private readonly sources: BeneficiaryHistorySource[] = [new PpksHistorySource()];

  constructor(
    private readonly dataSource: DataSource,
    private readonly beneficiaries: BeneficiariesService,
  ) {}

  registerSource(source: BeneficiaryHistorySource): void {
    this.sources.push(source);
  }

  async history(
    scope: WilayahScope,
    beneficiaryId: string,
    page: { limit: number; cursor?: string },
  ): Promise<ListPage<HistoryEntry>> {
    await this.beneficiaries.requireVisible(scope, beneficiaryId);
    const all = (
      await Promise.all(this.sources.map((s) => s.entries(this.dataSource, beneficiaryId)))
    ).flat();
    all.sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
    const after = page.cursor
      ? decodeCursor<EntryKey>('history', page.cursor, ['string', 'string', 'string'])
      : null;
    const rest = after ? all.filter((e) => compareKeys(keyOf(e), after) > 0) : all;
    const items = rest.slice(0, page.limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rest.length > page.limit ? encodeCursor('history', keyOf(last)) : null,
    };
  }
}
