import { Forbidden } from '@pilar/core';
import { isWithin } from '@pilar/wilayah';
import { Role } from './role';

/**
 * What part of the region tree a caller may see personal data in. Every query of personal data
 * takes one as a required parameter, so forgetting the scope does not compile. Only
 * `WilayahScope.of(user)` makes one (the constructor is private).
 */
export class WilayahScope {
  private constructor(
    /** The region the caller sees, or null when they may see no personal data at all. */
    readonly kode: string | null,
  ) {}

  static of(
    user: { role: Role; wilayahKode: string | null },
    agencyKabupatenKode: string,
  ): WilayahScope {
    switch (user.role) {
      case Role.Admin:
      case Role.Operator:
        return new WilayahScope(agencyKabupatenKode);
      case Role.Tksk:
      case Role.Psm:
        return new WilayahScope(user.wilayahKode);
      case Role.Pimpinan:
        return new WilayahScope(null);
    }
  }

  /** Scope for system work (imports run by staff, roll-ups): the whole agency kabupaten. */
  static agency(agencyKabupatenKode: string): WilayahScope {
    return new WilayahScope(agencyKabupatenKode);
  }

  get seesPersonalData(): boolean {
    return this.kode !== null;
  }

  /** The region code; throws 403 for callers who may see no personal data. */
  requireKode(): string {
    if (this.kode === null) {
      throw new Forbidden('This role may not see personal data.', 'PERSONAL_DATA_FORBIDDEN');
    }
    return this.kode;
  }

  /** True when a record in `wilayahKode` is visible to the caller. */
  contains(wilayahKode: string): boolean {
    return this.kode !== null && isWithin(wilayahKode, this.kode);
  }

  /**
   * A SQL condition restricting `column` (a dotted wilayah code) to the scope, for TypeORM query
   * builders: `qb.andWhere(...scope.where('b.desa_kode'))`. Uses a prefix match, which a
   * `text_pattern_ops` index serves.
   */
  where(column: string, param = 'scopeKode'): [string, Record<string, string>] {
    const kode = this.requireKode();
    return [
      `(${column} = :${param} OR ${column} LIKE :${param}Prefix)`,
      { [param]: kode, [`${param}Prefix`]: `${kode}.%` },
    ];
  }
}
