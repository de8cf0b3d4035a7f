import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { PpksType } from './ppks-type.entity';

@Injectable()
export class PpksTypesService {
  constructor(@InjectRepository(PpksType) private readonly types: Repository<PpksType>) {}

  list(): Promise<PpksType[]> {
    return this.types.find({ order: { nomor: 'ASC' } });
  }

  /** Which of `kodes` are not PPKS types (for validating definitions and imports). */
  async unknown(kodes: string[]): Promise<string[]> {
    if (kodes.length === 0) return [];
    const found = await this.types.find({ select: { kode: true }, where: { kode: In(kodes) } });
    const known = new Set(found.map((t) => t.kode));
    return [...new Set(kodes)].filter((k) => !known.has(k));
  }

  /** The types among `kodes`, by kode (unknown kodes are simply absent). */
  async byKode(kodes: string[]): Promise<Map<string, PpksType>> {
    if (kodes.length === 0) return new Map();
    const found = await this.types.findBy({ kode: In([...new Set(kodes)]) });
    return new Map(found.map((t) => [t.kode, t]));
  }
}
