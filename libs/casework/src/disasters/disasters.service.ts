import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditService, diffFields } from '@pilar/audit';
import type { AuthUser } from '@pilar/auth';
import { AppConfig, decodeCursor, encodeCursor, isCalendarDate, todayIn } from '@pilar/core';
import { isWithin, tingkatOf, WilayahService } from '@pilar/wilayah';
import { DataSource, Repository } from 'typeorm';
import { FieldErrorCollector } from '../common/field-errors';
import { Disaster } from './disaster.entity';
import { DisasterNotFound } from './disasters.errors';
import { DisasterQuery, DisasterWithCounts, NewDisaster } from './disasters.types';

const AUDITED: (keyof Disaster)[] = [
  'jenis',
  'name',
  'startDate',
  'emergencyEndDate',
  'wilayahKode',
];
const LIST = 'disasters';

/**
 * Disasters and their masa tanggap darurat. A disaster holds no personal data: every role may
 * read it and its victim counts; the victims themselves are read within the wilayah.
 */
@Injectable()
export class DisastersService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Disaster) private readonly disasters: Repository<Disaster>,
    private readonly wilayah: WilayahService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async create(caller: AuthUser, input: NewDisaster): Promise<DisasterWithCounts> {
    await this.validate(input);
    return this.dataSource.transaction(async (m) => {
      const now = new Date();
      const disaster = m.create(Disaster, {
        ...input,
        id: randomUUID(),
        createdBy: caller.id,
        createdAt: now,
        updatedAt: now,
      });
      await m.save(disaster);
      await this.audit.record(m, {
        action: 'disaster.create',
        entity: 'disaster',
        entityId: disaster.id,
        changes: diffFields(null, disaster, AUDITED),
      });
      return { disaster, victims: { jiwa: 0, kk: 0 } };
    });
  }

  async get(id: string): Promise<DisasterWithCounts> {
    const disaster = await this.require(id);
    const [counts]: { jiwa: number; kk: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS jiwa, count(DISTINCT household_id)::int AS kk
       FROM disaster_victim WHERE disaster_id = $1`,
      [id],
    );
    return { disaster, victims: counts };
  }

  async require(id: string): Promise<Disaster> {
    const disaster = await this.disasters.findOneBy({ id });
    if (!disaster) throw new DisasterNotFound(id);
    return disaster;
  }

  /** Most recent first by (start date, id). */
  async list(query: DisasterQuery): Promise<{ items: Disaster[]; nextCursor: string | null }> {
    const qb = this.disasters
      .createQueryBuilder('d')
      .orderBy('d.start_date', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(query.limit + 1);
    if (query.jenis) qb.andWhere('d.jenis = :jenis', query);
    if (query.activeOn) {
      qb.andWhere(':activeOn BETWEEN d.start_date AND d.emergency_end_date', query);
    }
    if (query.cursor) {
      const [startDate, id] = decodeCursor<[string, string]>(LIST, query.cursor, [
        'string',
        'string',
      ]);
      qb.andWhere('(d.start_date, d.id) < (CAST(:startDate AS date), CAST(:id AS uuid))', {
        startDate,
        id,
      });
    }
    const rows = await qb.getMany();
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > query.limit ? encodeCursor(LIST, [last.startDate, last.id]) : null,
    };
  }

  private async validate(input: NewDisaster): Promise<void> {
    const errors = new FieldErrorCollector();
    const { timezone, kabupatenKode } = this.config.agency;
    const today = todayIn(timezone);
    if (!isCalendarDate(input.startDate)) {
      errors.add('startDate', `${input.startDate} is not a calendar date`);
    } else if (input.startDate > today) {
      errors.add('startDate', `${input.startDate} is in the future (today is ${today})`);
    }
    if (!isCalendarDate(input.emergencyEndDate)) {
      errors.add('emergencyEndDate', `${input.emergencyEndDate} is not a calendar date`);
    } else if (input.emergencyEndDate < input.startDate) {
      errors.add('emergencyEndDate', `is before startDate (${input.startDate})`);
    }
    const tingkat = tingkatOf(input.wilayahKode);
    if (!tingkat || tingkat === 'PROVINSI' || !isWithin(input.wilayahKode, kabupatenKode)) {
      errors.add(
        'wilayahKode',
        `must be the agency's kabupaten ${kabupatenKode} or a kecamatan or desa in it`,
      );
    } else {
      await errors.check(this.wilayah.require(input.wilayahKode, tingkat, 'wilayahKode'));
    }
    errors.throwIfAny();
  }
}
