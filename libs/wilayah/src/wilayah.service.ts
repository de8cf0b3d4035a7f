import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { NotFound, ValidationFailed } from '@pilar/core';
import { In, Repository } from 'typeorm';
import { tingkatOf } from './wilayah-kode';
import { Tingkat, Wilayah } from './wilayah.entity';

/** Reading the region tree; other modules validate codes through it. */
@Injectable()
export class WilayahService {
  constructor(@InjectRepository(Wilayah) private readonly wilayah: Repository<Wilayah>) {}

  async get(kode: string): Promise<Wilayah> {
    const found = await this.wilayah.findOneBy({ kode });
    if (!found) throw new NotFound('Wilayah', kode);
    return found;
  }

  /** Children of `indukKode`, or the provinces when it is omitted. */
  async children(indukKode?: string): Promise<Wilayah[]> {
    if (indukKode) await this.get(indukKode);
    return this.wilayah
      .createQueryBuilder('w')
      .where(indukKode ? 'w.induk_kode = :indukKode' : 'w.induk_kode IS NULL', { indukKode })
      .orderBy('w.kode')
      .getMany();
  }

  /** Regions whose name contains `q` (case-insensitive), optionally at one level. */
  async search(q: string, tingkat?: Tingkat, limit = 50): Promise<Wilayah[]> {
    const qb = this.wilayah
      .createQueryBuilder('w')
      .where('lower(w.nama) LIKE :q', { q: `%${q.toLowerCase().replace(/[%_\\]/g, '\\$&')}%` })
      .orderBy('w.kode')
      .limit(limit);
    if (tingkat) qb.andWhere('w.tingkat = :tingkat', { tingkat });
    return qb.getMany();
  }

  /**
   * Checks that `kode` exists at the expected level; throws a 400 naming `field` otherwise.
   * Used by every module that stores a wilayah code.
   */
  async require(kode: string, tingkat: Tingkat, field: string): Promise<Wilayah> {
    if (tingkatOf(kode) !== tingkat) {
      throw ValidationFailed.field(field, `${kode} is not a ${tingkat.toLowerCase()} code`);
    }
    const found = await this.wilayah.findOneBy({ kode });
    if (!found)
      throw ValidationFailed.field(field, `${tingkat.toLowerCase()} ${kode} does not exist`);
    return found;
  }

  /** Which of `kodes` exist (bulk validation for imports). */
  async existing(kodes: string[]): Promise<Set<string>> {
    if (kodes.length === 0) return new Set();
    const rows = await this.wilayah.find({ select: { kode: true }, where: { kode: In(kodes) } });
    return new Set(rows.map((r) => r.kode));
  }
}
