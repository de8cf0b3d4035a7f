import { Injectable } from '@nestjs/common';
import { AuditService } from '@pilar/audit';
import type { WilayahScope } from '@pilar/auth';
import { decodeCursor, encodeCursor, RequestContext, ValidationFailed } from '@pilar/core';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { BeneficiariesService } from '../beneficiaries/beneficiaries.service';
import {
  BeneficiaryListItem,
  LIST_ITEM_COLUMNS,
  ListItemRow,
  toListItem,
} from '../beneficiaries/beneficiary-list-item';
import { ListPage } from '../registry.types';

/**
 * Names at least this similar (pg_trgm, 0–1) with the same birth date and kecamatan are listed:
 * "Muhamad Rizky" ~ "Muhammad Rizki" is 0.61, "Siti Rahma" ~ "Siti Rahmah" 0.77.
 */
export const DEFAULT_MIN_SIMILARITY = 0.6;

export interface DuplicatePair {
  first: BeneficiaryListItem;
  second: BeneficiaryListItem;
  similarity: number;
}

export interface NotDuplicateDecision {
  beneficiaryId: string;
  otherId: string;
  decidedAt: Date;
}

interface PairRow {
  first_id: string;
  second_id: string;
  score: number;
}

/**
 * Likely duplicates: people (with no NIK, or a mistyped one) whose names are similar and who
 * share a birth date and a kecamatan. A reviewer merges them or says they are different people;
 * that decision is remembered and the pair is not listed again.
 */
@Injectable()
export class LikelyDuplicatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly beneficiaries: BeneficiariesService,
    private readonly audit: AuditService,
  ) {}

  /** Every likely pair the caller may see (both people in scope), in a stable order. */
  async list(
    scope: WilayahScope,
    page: { limit: number; cursor?: string; minSimilarity?: number },
  ): Promise<ListPage<DuplicatePair>> {
    const qb = this.pairs(scope, page.minSimilarity)
      .orderBy('a.id')
      .addOrderBy('b.id')
      .limit(page.limit + 1);
    if (page.cursor) {
      const [afterFirst, afterSecond] = decodeCursor<[string, string]>('duplicates', page.cursor, [
        'string',
        'string',
      ]);
      qb.andWhere('(a.id, b.id) > (:afterFirst, :afterSecond)', { afterFirst, afterSecond });
    }
    const rows: PairRow[] = await qb.getRawMany();
    const items = await this.withPeople(rows.slice(0, page.limit));
    const last = rows[items.length - 1];
    return {
      items,
      nextCursor:
        rows.length > page.limit
          ? encodeCursor('duplicates', [last.first_id, last.second_id])
          : null,
    };
  }

  /** The likely duplicates of one person, most similar first. */
  async of(scope: WilayahScope, id: string, minSimilarity?: number): Promise<DuplicatePair[]> {
    await this.beneficiaries.requireVisible(scope, id);
    const rows: PairRow[] = await this.pairs(scope, minSimilarity)
      .andWhere('(a.id = :id OR b.id = :id)', { id })
      .orderBy('score', 'DESC')
      .addOrderBy('a.id')
      .addOrderBy('b.id')
      .limit(100)
      .getRawMany();
    return this.withPeople(rows);
  }

  /** Remembers that two records are different people; idempotent, audited. */
  async dismiss(
    scope: WilayahScope,
    id: string,
    otherId: string,
    note?: string | null,
  ): Promise<NotDuplicateDecision> {
    if (id === otherId) throw ValidationFailed.field('otherId', 'must be another person');
    return this.dataSource.transaction(async (m) => {
      await this.beneficiaries.requireVisible(scope, id, m);
      await this.beneficiaries.requireVisible(scope, otherId, m);
      const [low, high] = id < otherId ? [id, otherId] : [otherId, id];
      const [row]: { decided_at: Date; inserted: boolean }[] = await m.query(
        `WITH ins AS (
           INSERT INTO beneficiary_not_duplicate (beneficiary_id, other_id, decided_by, note)
           VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING decided_at
         )
         SELECT decided_at, true AS inserted FROM ins
         UNION ALL
         SELECT decided_at, false FROM beneficiary_not_duplicate
         WHERE beneficiary_id = $1 AND other_id = $2
         LIMIT 1`,
        [low, high, RequestContext.current()?.actor?.id ?? null, note ?? null],
      );
      if (row.inserted) {
        await this.audit.record(m, {
          action: 'beneficiary.not-duplicate',
          entity: 'beneficiary',
          entityId: low,
          changes: { notDuplicateOf: { before: null, after: high } },
        });
      }
      return { beneficiaryId: low, otherId: high, decidedAt: row.decided_at };
    });
  }

  /** Pairs (a.id < b.id) in scope, same birth date and kecamatan, similar names, undecided. */
  private pairs(
    scope: WilayahScope,
    minSimilarity = DEFAULT_MIN_SIMILARITY,
  ): SelectQueryBuilder<ObjectLiteral> {
    return this.dataSource
      .createQueryBuilder()
      .select(['a.id AS first_id', 'b.id AS second_id', 'similarity(a.name, b.name) AS score'])
      .from('beneficiary', 'a')
      .innerJoin(
        'beneficiary',
        'b',
        `b.birth_date = a.birth_date AND left(b.desa_kode, 8) = left(a.desa_kode, 8)
         AND b.status <> 'MERGED' AND b.id > a.id`,
      )
      .where("a.status <> 'MERGED'")
      .andWhere(...scope.where('a.desa_kode', 'scopeA'))
      .andWhere(...scope.where('b.desa_kode', 'scopeB'))
      .andWhere('similarity(a.name, b.name) >= :minSimilarity', { minSimilarity })
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM beneficiary_not_duplicate d
                     WHERE d.beneficiary_id = a.id AND d.other_id = b.id)`,
      );
  }

  private async withPeople(rows: PairRow[]): Promise<DuplicatePair[]> {
    if (rows.length === 0) return [];
    const ids = [...new Set(rows.flatMap((r) => [r.first_id, r.second_id]))];
    const people: ListItemRow[] = await this.dataSource
      .createQueryBuilder()
      .select(LIST_ITEM_COLUMNS)
      .from('beneficiary', 'b')
      .leftJoin('household', 'h', 'h.id = b.household_id')
      .where('b.id IN (:...ids)', { ids })
      .getRawMany();
    const byId = new Map(people.map((p) => [p.id, toListItem(p)]));
    return rows.map((r) => ({
      first: byId.get(r.first_id) as BeneficiaryListItem,
      second: byId.get(r.second_id) as BeneficiaryListItem,
      similarity: Number(r.score),
    }));
  }
}
