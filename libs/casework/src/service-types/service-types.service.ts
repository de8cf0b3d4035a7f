import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ServiceType } from './service-type.entity';

@Injectable()
export class ServiceTypesService {
  constructor(@InjectRepository(ServiceType) private readonly types: Repository<ServiceType>) {}

  list(): Promise<ServiceType[]> {
    return this.types.find({ order: { kode: 'ASC' } });
  }

  /** Which of `kodes` are not service types. */
  async unknown(kodes: string[]): Promise<string[]> {
    if (kodes.length === 0) return [];
    const found = await this.types.find({ select: { kode: true }, where: { kode: In(kodes) } });
    const known = new Set(found.map((t) => t.kode));
    return [...new Set(kodes)].filter((k) => !known.has(k));
  }
}
