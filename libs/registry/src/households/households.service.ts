import { Injectable } from '@nestjs/common';
import { AuditService, diffFields } from '@pilar/audit';
import type { WilayahScope } from '@pilar/auth';
import {
  FieldError,
  pgConstraint,
  PgError,
  pgErrorCode,
  StaleVersion,
  ValidationFailed,
} from '@pilar/core';
import { WilayahService } from '@pilar/wilayah';
import { DataSource, EntityManager } from 'typeorm';
import { desaErrors } from '../common/desa-errors';
import { cleanText } from '../common/text';
import { IdentityNumbersService } from '../nik/identity-numbers.service';
import { PpksClassificationWriter } from '../ppks/ppks-classification.writer';
import {
  DtksIdAlreadyRegistered,
  HouseholdNotFound,
  NoKkAlreadyRegistered,
  OutsideWilayah,
} from '../registry.errors';
import { Household } from './household.entity';
import { DtksMembership, HouseholdChanges, NewHousehold } from './households.types';

const AUDITED: (keyof Household)[] = [
  'noKk',
  'desaKode',
  'alamat',
  'dtksRegistered',
  'dtksId',
  'desil',
  'dtksVerifiedOn',
];

/** Families (keluarga): registering, finding and editing them within the caller's wilayah. */
@Injectable()
export class HouseholdsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly wilayah: WilayahService,
    private readonly identity: IdentityNumbersService,
    private readonly ppks: PpksClassificationWriter,
    private readonly audit: AuditService,
  ) {}

  /**
   * The household, when the caller may see it: 404 HOUSEHOLD_NOT_FOUND when absent or outside
   * the scope, 403 for roles that see no personal data.
   */
  async requireVisible(scope: WilayahScope, id: string, m?: EntityManager): Promise<Household> {
    scope.requireKode();
    const found = await (m ?? this.dataSource.manager)
      .createQueryBuilder(Household, 'h')
      .where('h.id = :id', { id })
      .andWhere(...scope.where('h.desa_kode'))
      .getOne();
    if (!found) throw new HouseholdNotFound(id);
    return found;
  }

  /** The desa of a household the caller may see, read by primary key (see Beneficiaries'). */
  async requireVisibleDesa(scope: WilayahScope, id: string): Promise<string> {
    scope.requireKode();
    const [row]: { desa_kode: string }[] = await this.dataSource.query(
      'SELECT desa_kode FROM household WHERE id = $1',
      [id],
    );
    return this.visibleDesa(scope, id, row && { desaKode: row.desa_kode });
  }

  /** requireVisibleDesa's answer for household `id` as the caller read it (see Beneficiaries'). */
  visibleDesa(scope: WilayahScope, id: string, found: { desaKode: string } | undefined): string {
    if (!found || !scope.contains(found.desaKode)) throw new HouseholdNotFound(id);
    return found.desaKode;
  }

  /** The household holding `noKk`, wherever it is (callers decide what the caller may learn). */
  findByNoKk(m: EntityManager, noKk: string): Promise<Household | null> {
    return m.findOneBy(Household, { noKk });
  }

  async create(scope: WilayahScope, input: NewHousehold, m?: EntityManager): Promise<Household> {
    const scopeKode = scope.requireKode();
    const noKk = input.noKk ?? null;
    const errors = [
      ...(await desaErrors(this.wilayah, input.desaKode)),
      ...(noKk ? await this.identity.noKkErrors(noKk) : []),
      ...(await this.ppks.errors(input.ppks ?? [], 'HOUSEHOLD', this.identity.today())),
      ...this.dtksErrors(input.dtks),
    ];
    if (errors.length) throw new ValidationFailed(errors);
    if (!scope.contains(input.desaKode)) throw new OutsideWilayah(input.desaKode, scopeKode);

    const work = async (tx: EntityManager): Promise<Household> => {
      if (noKk) await this.assertNoKkFree(tx, scope, noKk);
      const now = new Date();
      const household = tx.create(Household, {
        noKk,
        desaKode: input.desaKode,
        alamat: cleanText(input.alamat),
        ...this.dtksFields(input.dtks),
        createdAt: now,
        updatedAt: now,
      });
      await this.save(tx, scope, household);
      await this.audit.record(tx, {
        action: 'household.create',
        entity: 'household',
        entityId: household.id,
        changes: diffFields(null, household, AUDITED),
      });
      household.classifications = await this.ppks.insert(
        tx,
        { householdId: household.id },
        input.ppks ?? [],
      );
      return household;
    };
    return m ? work(m) : this.dataSource.transaction(work);
  }

  async update(scope: WilayahScope, id: string, changes: HouseholdChanges): Promise<Household> {
    const scopeKode = scope.requireKode();
    return this.dataSource.transaction(async (m) => {
      const household = await m
        .createQueryBuilder(Household, 'h')
        .setLock('pessimistic_write')
        .where('h.id = :id', { id })
        .andWhere(...scope.where('h.desa_kode'))
        .getOne();
      if (!household) throw new HouseholdNotFound(id);
      if (household.version !== changes.version) {
        throw new StaleVersion('Household', changes.version, household.version);
      }
      const errors: FieldError[] = [
        ...(changes.desaKode ? await desaErrors(this.wilayah, changes.desaKode) : []),
        ...(changes.noKk ? await this.identity.noKkErrors(changes.noKk) : []),
        ...this.dtksErrors(changes.dtks),
      ];
      if (errors.length) throw new ValidationFailed(errors);
      if (changes.desaKode && !scope.contains(changes.desaKode)) {
        throw new OutsideWilayah(changes.desaKode, scopeKode);
      }
      if (changes.noKk && changes.noKk !== household.noKk) {
        await this.assertNoKkFree(m, scope, changes.noKk);
      }
      const before = { ...household };
      Object.assign(household, {
        noKk: changes.noKk !== undefined ? changes.noKk : household.noKk,
        desaKode: changes.desaKode ?? household.desaKode,
        alamat: changes.alamat !== undefined ? cleanText(changes.alamat) : household.alamat,
        ...this.dtksFields(changes.dtks, household),
        updatedAt: new Date(),
      });
      await this.save(m, scope, household);
      await this.audit.record(m, {
        action: 'household.update',
        entity: 'household',
        entityId: household.id,
        changes: diffFields(before, household, AUDITED),
      });
      return household;
    });
  }

  /** Records DTKS membership given with a person's registration on their household. */
  async applyDtks(m: EntityManager, household: Household, dtks: DtksMembership): Promise<void> {
    const before = { ...household };
    Object.assign(household, this.dtksFields(dtks, household), { updatedAt: new Date() });
    const changes = diffFields(before, household, AUDITED);
    if (Object.keys(changes).length === 0) return;
    await m.save(household);
    await this.audit.record(m, {
      action: 'household.update',
      entity: 'household',
      entityId: household.id,
      changes,
    });
  }

  /** Field errors of the DTKS part of a request. */
  dtksErrors(dtks: DtksMembership | undefined, field = 'dtks'): FieldError[] {
    if (!dtks) return [];
    const errors: FieldError[] = [];
    if (!dtks.registered && (dtks.desil != null || dtks.dtksId != null)) {
      errors.push({
        field: `${field}.registered`,
        message: 'a family outside DTKS has no DTKS id or desil; set registered to true',
      });
    }
    if (dtks.verifiedOn && dtks.verifiedOn > this.identity.today()) {
      errors.push({ field: `${field}.verifiedOn`, message: `${dtks.verifiedOn} is in the future` });
    }
    return errors;
  }

  /** The DTKS columns for `dtks`; a field left out keeps its value in `current`. */
  private dtksFields(dtks: DtksMembership | undefined, current?: Household): Partial<Household> {
    if (!dtks) {
      return current
        ? {}
        : { dtksRegistered: false, dtksId: null, desil: null, dtksVerifiedOn: null };
    }
    const keep = <T>(given: T | undefined, stored: T): T => (given !== undefined ? given : stored);
    return {
      dtksRegistered: dtks.registered,
      dtksId: dtks.registered ? keep(dtks.dtksId, current?.dtksId ?? null) : null,
      desil: dtks.registered ? keep(dtks.desil, current?.desil ?? null) : null,
      dtksVerifiedOn: keep(dtks.verifiedOn, current?.dtksVerifiedOn ?? null),
    };
  }

  /** 409 when the KK number is taken; the existing id only when the caller may see it. */
  private async assertNoKkFree(m: EntityManager, scope: WilayahScope, noKk: string): Promise<void> {
    const existing = await this.findByNoKk(m, noKk);
    if (existing) {
      throw new NoKkAlreadyRegistered(scope.contains(existing.desaKode) ? existing.id : null);
    }
  }

  private async save(m: EntityManager, scope: WilayahScope, household: Household): Promise<void> {
    try {
      await m.save(household);
    } catch (err) {
      if (pgErrorCode(err) !== PgError.uniqueViolation) throw err;
      // Lost a race with a concurrent registration of the same family.
      if (pgConstraint(err) === 'household_dtks_id_key') throw new DtksIdAlreadyRegistered();
      const existing = household.noKk
        ? await this.findByNoKk(this.dataSource.manager, household.noKk)
        : null;
      throw new NoKkAlreadyRegistered(
        existing && scope.contains(existing.desaKode) ? existing.id : null,
      );
    }
  }
}
