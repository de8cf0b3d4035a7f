import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Read-only look-ups of the reference tables other libraries own (service types in casework,
 * PPKS types in registry). Planning validates codes against them without depending on those
 * libraries; only these two fixed queries touch the tables.
 */
@Injectable()
export class ReferenceCodes {
  constructor(private readonly dataSource: DataSource) {}

  /** Which of `kodes` are not service types. */
  unknownServiceTypes(kodes: string[], m?: EntityManager): Promise<string[]> {
    return this.unknown(
      'SELECT k FROM unnest($1::text[]) AS k WHERE NOT EXISTS (SELECT 1 FROM service_type t WHERE t.kode = k)',
      kodes,
      m,
    );
  }

  /** Which of `kodes` are not PPKS types. */
  unknownPpksTypes(kodes: string[], m?: EntityManager): Promise<string[]> {
    return this.unknown(
      'SELECT k FROM unnest($1::text[]) AS k WHERE NOT EXISTS (SELECT 1 FROM ppks_type t WHERE t.kode = k)',
      kodes,
      m,
    );
  }

  private async unknown(sql: string, kodes: string[], m?: EntityManager): Promise<string[]> {
    if (kodes.length === 0) return [];
    const rows: { k: string }[] = await (m ?? this.dataSource.manager).query(sql, [
      [...new Set(kodes)],
    ]);
    return rows.map((r) => r.k);
  }
}
