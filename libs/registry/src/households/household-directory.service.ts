import { Injectable } from '@nestjs/common';
import { AuditService } from '@pilar/audit';
import type { WilayahScope } from '@pilar/auth';
import { decodeCursor, encodeCursor } from '@pilar/core';
import { DataSource } from 'typeorm';
import {
  BeneficiaryListItem,
  LIST_ITEM_COLUMNS,
  ListItemRow,
  toListItem,
} from '../beneficiaries/beneficiary-list-item';
import { withinWilayah } from '../common/wilayah-filter';
import { maskIdentityNumber } from '../nik/nik';
import { PpksClassificationWriter } from '../ppks/ppks-classification.writer';
import { ListPage } from '../registry.types';
import { Household } from './household.entity';
import { HouseholdListItem, HouseholdQuery } from './households.types';
import { HouseholdsService } from './households.service';

export interface HouseholdDetail {
  household: Household;
  /** Members the caller may see, NIK masked. */
  members: BeneficiaryListItem[];
}

interface HouseholdRow {
  id: string;
  no_kk: string | null;
  desa_kode: string;
  alamat: string | null;
  dtks_registered: boolean;
  desil: number | null;
  member_count: number;
  version: number;
}

/** Reading households: the detail view (full KK number, audited) and the masked list. */
@Injectable()
export class HouseholdDirectoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly households: HouseholdsService,
    private readonly ppks: PpksClassificationWriter,
    private readonly audit: AuditService,
  ) {}

  async detail(scope: WilayahScope, id: string): Promise<HouseholdDetail> {
    const household = await this.households.requireVisible(scope, id);
    const m = this.dataSource.manager;
    household.classifications = await this.ppks.heldBy(m, { householdId: household.id });
    const rows: ListItemRow[] = await m
      .createQueryBuilder()
      .select(LIST_ITEM_COLUMNS)
      .from('beneficiary', 'b')
      .leftJoin('household', 'h', 'h.id = b.household_id')
      .where('b.household_id = :id', { id })
      .andWhere("b.status <> 'MERGED'")
      .andWhere(...scope.where('b.desa_kode'))
      .orderBy('b.birth_date')
      .addOrderBy('b.id')
      .getRawMany();
    if (household.noKk) {
      await this.audit.record(null, {
        action: 'household.no-kk.read',
        entity: 'household',
        entityId: household.id,
      });
    }
    return { household, members: rows.map(toListItem) };
  }

  async search(scope: WilayahScope, query: HouseholdQuery): Promise<ListPage<HouseholdListItem>> {
    const qb = this.dataSource
      .createQueryBuilder()
      .select([
        'h.id AS id',
        'h.no_kk AS no_kk',
        'h.desa_kode AS desa_kode',
        'h.alamat AS alamat',
        'h.dtks_registered AS dtks_registered',
        'h.desil AS desil',
        'h.version AS version',
        `(SELECT count(*)::int FROM beneficiary b
          WHERE b.household_id = h.id AND b.status <> 'MERGED') AS member_count`,
      ])
      .from('household', 'h')
      .where(...scope.where('h.desa_kode'))
      .orderBy('h.id')
      .limit(query.limit + 1);
    if (query.noKk) qb.andWhere('h.no_kk = :noKk', { noKk: query.noKk });
    if (query.wilayahKode) qb.andWhere(...withinWilayah('h.desa_kode', query.wilayahKode));
    if (query.dtks !== undefined) qb.andWhere('h.dtks_registered = :dtks', { dtks: query.dtks });
    if (query.cursor) {
      const [after] = decodeCursor<[string]>('households', query.cursor, ['string']);
      qb.andWhere('h.id > :after', { after });
    }
    const rows: HouseholdRow[] = await qb.getRawMany();
    const items = rows.slice(0, query.limit).map((r): HouseholdListItem => ({
      id: r.id,
      noKk: maskIdentityNumber(r.no_kk),
      desaKode: r.desa_kode,
      alamat: r.alamat,
      dtksRegistered: r.dtks_registered,
      desil: r.desil,
      memberCount: r.member_count,
      version: Number(r.version),
    }));
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > query.limit ? encodeCursor('households', [last.id]) : null,
    };
  }
}
