import { Injectable } from '@nestjs/common';
import type { WilayahScope } from '@pilar/auth';
import { decodeCursor, encodeCursor } from '@pilar/core';
import { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { normalizeName } from '../common/text';
import { withinWilayah } from '../common/wilayah-filter';
import { IdentityNumbersService } from '../nik/identity-numbers.service';
import { ListPage } from '../registry.types';
import {
  BeneficiaryListItem,
  LIST_ITEM_COLUMNS,
  ListItemRow,
  toListItem,
} from './beneficiary-list-item';
import { BeneficiaryQuery } from './beneficiaries.types';

export interface BeneficiarySearchItem extends BeneficiaryListItem {
  /** Trigram similarity of the name to `q` (0–1), when searching by name. */
  similarity?: number;
}

type SearchRow = ListItemRow & { score?: number };

/**
 * How similar (pg_trgm, 0–1) a name must be to `q` to be listed. A whole name with a typo or a
 * spelling variant scores 0.6–0.9 ("Muhamad Rizky" ~ "Muhammad Rizki" 0.61), one of its words
 * about 0.5 ("Rahmah" ~ "Siti Rahmah" 0.58). Lower thresholds let the common given names
 * (Muhammad, Siti, Nur…) match a large part of a kabupaten: more recall, but several times slower.
 */
export const NAME_MIN_SIMILARITY = 0.5;

/**
 * Finding people: exact NIK or KK number, fuzzy name (pg_trgm, best match first), filters by
 * PPKS type, wilayah, DTKS and status. Lists show masked identity numbers only.
 */
@Injectable()
export class BeneficiarySearchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly identity: IdentityNumbersService,
  ) {}

  async search(
    scope: WilayahScope,
    query: BeneficiaryQuery,
  ): Promise<ListPage<BeneficiarySearchItem>> {
    const name = query.q ? normalizeName(query.q) : '';
    const rows = name
      ? await this.dataSource.transaction(async (m) => {
          // `%` uses this threshold, and the trigram index filters by it (see the constant). The
          // planner prices the lateral join at the worst case (every matching name borne by
          // dozens of people), which would make it compile the query (JIT): ~150 ms for a query
          // that then runs in a few.
          await m.query(
            `SELECT set_config('pg_trgm.similarity_threshold', $1, true), set_config('jit', 'off', true)`,
            [String(query.minSimilarity ?? NAME_MIN_SIMILARITY)],
          );
          return this.byName(m, this.list(m, scope, query), name, query);
        })
      : await this.byNameOrder(
          this.list(this.dataSource.manager, scope, query),
          query.cursor,
        ).getRawMany<SearchRow>();
    const items = rows
      .slice(0, query.limit)
      .map((r): BeneficiarySearchItem =>
        r.score === undefined ? toListItem(r) : { ...toListItem(r), similarity: r.score },
      );
    const last = rows[items.length - 1];
    let nextCursor: string | null = null;
    if (rows.length > query.limit) {
      nextCursor = name
        ? encodeCursor('beneficiaries-by-similarity', [Number(last.score), last.id])
        : encodeCursor('beneficiaries-by-name', [last.name, last.id]);
    }
    return { items, nextCursor };
  }

  /** The people in scope matching the filters, one row more than a page (to know if more follow). */
  private list(
    m: EntityManager,
    scope: WilayahScope,
    query: BeneficiaryQuery,
  ): SelectQueryBuilder<ObjectLiteral> {
    const qb = m
      .createQueryBuilder()
      .select(LIST_ITEM_COLUMNS)
      .from('beneficiary', 'b')
      .leftJoin('household', 'h', 'h.id = b.household_id')
      .where(...scope.where('b.desa_kode'))
      .andWhere("b.status <> 'MERGED'")
      .limit(query.limit + 1);
    this.filter(qb, query);
    return qb;
  }

  private filter(qb: SelectQueryBuilder<ObjectLiteral>, query: BeneficiaryQuery): void {
    if (query.nik) qb.andWhere('b.nik = :nik', { nik: query.nik });
    if (query.noKk) qb.andWhere('h.no_kk = :noKk', { noKk: query.noKk });
    if (query.householdId) {
      qb.andWhere('b.household_id = :householdId', { householdId: query.householdId });
    }
    if (query.wilayahKode) qb.andWhere(...withinWilayah('b.desa_kode', query.wilayahKode));
    if (query.status) qb.andWhere('b.status = :status', { status: query.status });
    if (query.nikStatus)
      qb.andWhere(query.nikStatus === 'NONE' ? 'b.nik IS NULL' : 'b.nik IS NOT NULL');
    if (query.dtks !== undefined) {
      qb.andWhere('COALESCE(h.dtks_registered, false) = :dtks', { dtks: query.dtks });
    }
    if (query.ppks) {
      // Held today, by the person or (types counted in KK) by their household.
      qb.andWhere(
        `EXISTS (SELECT 1 FROM ppks_classification c
                 WHERE c.ppks_kode = :ppks AND c.verification <> 'REJECTED'
                   AND c.since <= :today AND (c.until IS NULL OR c.until >= :today)
                   AND (c.beneficiary_id = b.id OR c.household_id = b.household_id))`,
        { ppks: query.ppks, today: this.identity.today() },
      );
    }
  }

  /**
   * Fuzzy name search in two steps. The trigram index on the distinct names finds the spellings
   * similar to `q`, each scored once however many people bear it; then, for each spelling, the
   * people in scope bearing it are read in id order from the name index, at most a page of them
   * (`people` is limited to a page plus one), so a common name costs a page, not everyone with
   * it. The best page of the union is the answer: best similarity first, then id.
   */
  private async byName(
    m: EntityManager,
    people: SelectQueryBuilder<ObjectLiteral>,
    name: string,
    query: BeneficiaryQuery,
  ): Promise<SearchRow[]> {
    // Ordered by name too (one value here) so that the (name, id) index serves the order.
    people.andWhere('b.name = m.name').orderBy('b.name').addOrderBy('b.id');
    if (query.cursor) {
      const [score, id] = decodeCursor<[number, string]>(
        'beneficiaries-by-similarity',
        query.cursor,
        ['number', 'string'],
      );
      people.andWhere('(m.score < :score::real OR (m.score = :score::real AND b.id > :afterId))', {
        score,
        afterId: id,
      });
    }
    // MATERIALIZED: scored once through the trigram index, rather than re-planned as a sorted
    // scan of every name to feed the outer order.
    const [sql, params] = m.connection.driver.escapeQueryWithParameters(
      `WITH m AS MATERIALIZED (
         SELECT n.name, similarity(n.name, :q) AS score FROM beneficiary_name n WHERE n.name % :q
       )
       SELECT page.*, m.score FROM m CROSS JOIN LATERAL (${people.getQuery()}) page
       ORDER BY m.score DESC, page.id ASC
       LIMIT :pageAndOne`,
      { ...people.getParameters(), q: name, pageAndOne: query.limit + 1 },
      {},
    );
    return m.query<SearchRow[]>(sql, params);
  }

  private byNameOrder(
    qb: SelectQueryBuilder<ObjectLiteral>,
    cursor?: string,
  ): SelectQueryBuilder<ObjectLiteral> {
    qb.orderBy('b.name', 'ASC').addOrderBy('b.id', 'ASC');
    if (cursor) {
      const [name, id] = decodeCursor<[string, string]>('beneficiaries-by-name', cursor, [
        'string',
        'string',
      ]);
      qb.andWhere('(b.name, b.id) > (:afterName, :afterId)', { afterName: name, afterId: id });
    }
    return qb;
  }
}
