import { Injectable } from '@nestjs/common';
import { AuditService, diffFields } from '@pilar/audit';
import type { WilayahScope } from '@pilar/auth';
import {
  FieldError,
  isCalendarDate,
  pgConstraint,
  PgError,
  pgErrorCode,
  StaleVersion,
  ValidationFailed,
} from '@pilar/core';
import { WilayahService } from '@pilar/wilayah';
import { DataSource, EntityManager } from 'typeorm';
import { desaErrors } from '../common/desa-errors';
import { cleanText, normalizeName } from '../common/text';
import { Household } from '../households/household.entity';
import { HouseholdsService } from '../households/households.service';
import { IdentityNumbersService } from '../nik/identity-numbers.service';
import { maskIdentityNumber } from '../nik/nik';
import { PpksClassificationWriter } from '../ppks/ppks-classification.writer';
import {
  BeneficiaryAlreadyRegistered,
  BeneficiaryNotFound,
  NikAlreadyRegistered,
  NoKkAlreadyRegistered,
  OutsideWilayah,
} from '../registry.errors';
import type { BeneficiaryStatus } from '../registry.types';
import { Beneficiary } from './beneficiary.entity';
import { BeneficiaryChanges, NewBeneficiary } from './beneficiaries.types';

export const AUDITED_FIELDS: (keyof Beneficiary)[] = [
  'nik',
  'name',
  'sex',
  'birthDate',
  'birthPlace',
  'desaKode',
  'alamat',
  'householdId',
  'relationship',
  'status',
  'diedOn',
  'mergedIntoId',
];

/** How far a chain of merges (A into B, B into C) is followed to find the survivor. */
const MAX_MERGE_HOPS = 10;

/** The identity fields whose combination must be unique among people without NIK. */
type Identity = Pick<Beneficiary, 'nik' | 'name' | 'birthDate' | 'desaKode'>;

/**
 * People: registering them (with or without NIK), reading one, editing with optimistic
 * locking. Every query is bounded by the caller's WilayahScope.
 */
@Injectable()
export class BeneficiariesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly wilayah: WilayahService,
    private readonly identity: IdentityNumbersService,
    private readonly households: HouseholdsService,
    private readonly ppks: PpksClassificationWriter,
    private readonly audit: AuditService,
  ) {}

  /**
   * The person, when the caller may see them: 404 BENEFICIARY_NOT_FOUND when absent, merged
   * away or outside the scope (403 for roles that see no personal data).
   */
  async requireVisible(scope: WilayahScope, id: string, m?: EntityManager): Promise<Beneficiary> {
    scope.requireKode();
    const db = m ?? this.dataSource.manager;
    const found = await this.visible(db, scope, id);
    if (!found) throw new BeneficiaryNotFound(id);
    if (found.status === 'MERGED')
      throw new BeneficiaryNotFound(id, await this.survivorOf(db, scope, found));
    return found;
  }

  /**
   * The desa of a person the caller may see and who has not been merged away — all that
   * recording a service needs — read by primary key without loading the record. Answers exactly
   * as requireVisible does.
   */
  async requireVisibleDesa(scope: WilayahScope, id: string): Promise<string> {
    scope.requireKode();
    const [row]: { desa_kode: string; status: BeneficiaryStatus }[] = await this.dataSource.query(
      'SELECT desa_kode, status FROM beneficiary WHERE id = $1',
      [id],
    );
    return this.visibleDesa(scope, id, row && { desaKode: row.desa_kode, status: row.status });
  }

  /**
   * requireVisibleDesa's answer for person `id` as the caller read it (`found`, undefined when
   * absent): recording a service reads the recipient in its insert statement, which reads a
   * household's desa in the same column (status null).
   */
  async visibleDesa(
    scope: WilayahScope,
    id: string,
    found: { desaKode: string; status: BeneficiaryStatus | null } | undefined,
  ): Promise<string> {
    if (!found || !scope.contains(found.desaKode)) throw new BeneficiaryNotFound(id);
    // Rare: requireVisible throws for a merged-away record, naming the survivor when the caller
    // may see it; one way of answering that, not two.
    if (found.status === 'MERGED') return (await this.requireVisible(scope, id)).desaKode;
    return found.desaKode;
  }

  /** The detail view: the full NIK, whose every read is audited. */
  async detail(scope: WilayahScope, id: string): Promise<Beneficiary> {
    const found = await this.requireVisible(scope, id);
    if (found.nik) {
      await this.audit.record(null, {
        action: 'beneficiary.nik.read',
        entity: 'beneficiary',
        entityId: id,
      });
    }
    return this.load(this.dataSource.manager, id);
  }

  /**
   * Registers a person, inside the caller's transaction when `m` is given (casework registers
   * many disaster victims at once). Returns the record with household and classifications.
   */
  async create(
    scope: WilayahScope,
    input: NewBeneficiary,
    m?: EntityManager,
  ): Promise<Beneficiary> {
    const scopeKode = scope.requireKode();
    const person = {
      nik: input.nik ?? null,
      name: normalizeName(input.name),
      sex: input.sex,
      birthDate: input.birthDate,
      desaKode: input.desaKode,
    };
    const inHousehold = Boolean(input.householdId || input.noKk || input.dtks);
    const today = this.identity.today();
    const errors = [
      ...this.personErrors(person, null, today),
      ...(await desaErrors(this.wilayah, input.desaKode)),
      ...(person.nik ? await this.identity.nikErrors(person.nik, person) : []),
      ...(input.noKk ? await this.identity.noKkErrors(input.noKk) : []),
      ...(await this.ppks.errors(
        input.ppks ?? [],
        inHousehold ? 'PERSON_IN_HOUSEHOLD' : 'PERSON',
        today,
      )),
      ...this.households.dtksErrors(input.dtks),
    ];
    if (errors.length) throw new ValidationFailed(errors);
    if (!scope.contains(input.desaKode)) throw new OutsideWilayah(input.desaKode, scopeKode);

    const work = async (tx: EntityManager): Promise<Beneficiary> => {
      await this.assertNotRegistered(tx, scope, person);
      const household = await this.householdFor(tx, scope, input);
      const now = new Date();
      const beneficiary = tx.create(Beneficiary, {
        ...person,
        birthPlace: cleanText(input.birthPlace),
        alamat: cleanText(input.alamat),
        householdId: household?.id ?? null,
        relationship: input.relationship ?? null,
        status: 'AKTIF',
        diedOn: null,
        mergedIntoId: null,
        createdAt: now,
        updatedAt: now,
      });
      await this.save(tx, scope, beneficiary);
      await this.audit.record(tx, {
        action: 'beneficiary.create',
        entity: 'beneficiary',
        entityId: beneficiary.id,
        changes: diffFields(null, beneficiary, AUDITED_FIELDS),
      });
      await this.ppks.insert(
        tx,
        { beneficiaryId: beneficiary.id, householdId: beneficiary.householdId },
        input.ppks ?? [],
      );
      return this.load(tx, beneficiary.id);
    };
    return m ? work(m) : this.dataSource.transaction(work);
  }

  async update(scope: WilayahScope, id: string, changes: BeneficiaryChanges): Promise<Beneficiary> {
    const scopeKode = scope.requireKode();
    return this.dataSource.transaction(async (m) => {
      const current = await this.visible(m, scope, id, true);
      if (!current || current.status === 'MERGED') throw new BeneficiaryNotFound(id);
      if (current.version !== changes.version) {
        throw new StaleVersion('Beneficiary', changes.version, current.version);
      }
      const next = this.applyChanges(current, changes);
      const errors: FieldError[] = [
        ...this.personErrors(next, changes, this.identity.today()),
        ...(next.desaKode !== current.desaKode
          ? await desaErrors(this.wilayah, next.desaKode)
          : []),
      ];
      const identityChanged =
        next.nik !== current.nik ||
        next.birthDate !== current.birthDate ||
        next.sex !== current.sex;
      if (next.nik && identityChanged)
        errors.push(...(await this.identity.nikErrors(next.nik, next)));
      if (errors.length) throw new ValidationFailed(errors);
      if (!scope.contains(next.desaKode)) throw new OutsideWilayah(next.desaKode, scopeKode);
      if (next.householdId && next.householdId !== current.householdId) {
        await this.households.requireVisible(scope, next.householdId, m);
      }
      await this.assertNotRegistered(m, scope, next, id);

      const before = { ...current };
      Object.assign(current, next, { updatedAt: new Date() });
      await this.save(m, scope, current);
      await this.audit.record(m, {
        action: 'beneficiary.update',
        entity: 'beneficiary',
        entityId: id,
        changes: diffFields(before, current, AUDITED_FIELDS),
      });
      return this.load(m, id);
    });
  }

  /** The record with its household and every classification it holds, for responses. */
  load(m: EntityManager, id: string): Promise<Beneficiary> {
    return m.findOneOrFail(Beneficiary, {
      where: { id },
      relations: { classifications: true, household: { classifications: true } },
    });
  }

  private visible(
    m: EntityManager,
    scope: WilayahScope,
    id: string,
    lock = false,
  ): Promise<Beneficiary | null> {
    const qb = m
      .createQueryBuilder(Beneficiary, 'b')
      .where('b.id = :id', { id })
      .andWhere(...scope.where('b.desa_kode'));
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  /** Where a merged-away record went, when the caller may see the survivor. */
  private async survivorOf(
    m: EntityManager,
    scope: WilayahScope,
    merged: Beneficiary,
  ): Promise<string | null> {
    let current: Beneficiary | null = merged;
    for (let hop = 0; current?.mergedIntoId && hop < MAX_MERGE_HOPS; hop++) {
      current = await m.findOneBy(Beneficiary, { id: current.mergedIntoId });
    }
    return current && current.status !== 'MERGED' && scope.contains(current.desaKode)
      ? current.id
      : null;
  }

  private applyChanges(current: Beneficiary, changes: BeneficiaryChanges): Beneficiary {
    const pick = <K extends keyof BeneficiaryChanges & keyof Beneficiary>(key: K): Beneficiary[K] =>
      (changes[key] !== undefined ? changes[key] : current[key]) as Beneficiary[K];
    const status = pick('status');
    return Object.assign(new Beneficiary(), current, {
      nik: pick('nik'),
      name: changes.name !== undefined ? normalizeName(changes.name) : current.name,
      sex: pick('sex'),
      birthDate: pick('birthDate'),
      birthPlace:
        changes.birthPlace !== undefined ? cleanText(changes.birthPlace) : current.birthPlace,
      desaKode: pick('desaKode'),
      alamat: changes.alamat !== undefined ? cleanText(changes.alamat) : current.alamat,
      householdId: pick('householdId'),
      relationship: pick('relationship'),
      status,
      // Leaving MENINGGAL (a mistaken report) clears the date of death.
      diedOn: status === 'MENINGGAL' ? pick('diedOn') : null,
    });
  }

  /** Rules on the person's own fields (the NIK is checked separately). */
  private personErrors(
    person: Pick<Beneficiary, 'name' | 'birthDate'> &
      Partial<Pick<Beneficiary, 'status' | 'diedOn'>>,
    changes: BeneficiaryChanges | null,
    today: string,
  ): FieldError[] {
    const errors: FieldError[] = [];
    if (!person.name) errors.push({ field: 'name', message: 'must not be empty' });
    if (!isCalendarDate(person.birthDate)) {
      errors.push({ field: 'birthDate', message: `${person.birthDate} is not a real date` });
    } else if (person.birthDate > today) {
      errors.push({ field: 'birthDate', message: `${person.birthDate} is in the future` });
    }
    if (person.status === 'MENINGGAL' && !person.diedOn) {
      errors.push({ field: 'diedOn', message: 'the date of death is required for MENINGGAL' });
    }
    if (changes?.diedOn && person.status !== 'MENINGGAL') {
      errors.push({
        field: 'diedOn',
        message: 'only a person with status MENINGGAL has a date of death',
      });
    }
    if (person.diedOn && (person.diedOn > today || person.diedOn < person.birthDate)) {
      errors.push({
        field: 'diedOn',
        message: `${person.diedOn} must lie between the birth date and today`,
      });
    }
    return errors;
  }

  /** 409 when a living record already is this person (same NIK; or, without NIK, same identity). */
  private async assertNotRegistered(
    m: EntityManager,
    scope: WilayahScope,
    person: Identity,
    selfId?: string,
  ): Promise<void> {
    const qb = m
      .createQueryBuilder(Beneficiary, 'b')
      .select(['b.id', 'b.desaKode'])
      .where("b.status <> 'MERGED'");
    if (selfId) qb.andWhere('b.id <> :selfId', { selfId });
    if (person.nik) {
      const existing = await qb.andWhere('b.nik = :nik', { nik: person.nik }).getOne();
      if (existing) {
        throw new NikAlreadyRegistered(scope.contains(existing.desaKode) ? existing.id : null);
      }
      return;
    }
    const existing = await qb
      .andWhere('b.nik IS NULL')
      .andWhere('b.desa_kode = :desaKode AND b.birth_date = :birthDate', person)
      .andWhere('lower(b.name) = lower(:name)', { name: person.name })
      .getOne();
    // Same desa as the new record, which is in scope: the caller may see it.
    if (existing) throw new BeneficiaryAlreadyRegistered(existing.id);
  }

  /** The household a new person joins: given by id, found or registered by KK, or none. */
  private async householdFor(
    m: EntityManager,
    scope: WilayahScope,
    input: NewBeneficiary,
  ): Promise<Household | null> {
    let household: Household | null = null;
    if (input.householdId) {
      household = await this.households.requireVisible(scope, input.householdId, m);
      if (input.noKk && household.noKk !== input.noKk) {
        throw ValidationFailed.field(
          'noKk',
          household.noKk
            ? `household ${household.id} has another KK number (${maskIdentityNumber(household.noKk)})`
            : `household ${household.id} has no KK number yet; set it on the household`,
        );
      }
    } else if (input.noKk) {
      household = await this.households.findByNoKk(m, input.noKk);
      if (household && !scope.contains(household.desaKode)) throw new NoKkAlreadyRegistered(null);
    }
    if (household) {
      if (input.dtks) await this.households.applyDtks(m, household, input.dtks);
      return household;
    }
    if (!input.noKk && !input.dtks) return null;
    return this.households.create(
      scope,
      { noKk: input.noKk, desaKode: input.desaKode, alamat: input.alamat, dtks: input.dtks },
      m,
    );
  }

  private async save(
    m: EntityManager,
    scope: WilayahScope,
    beneficiary: Beneficiary,
  ): Promise<void> {
    try {
      await m.save(beneficiary);
    } catch (err) {
      if (pgErrorCode(err) !== PgError.uniqueViolation) throw err;
      // Lost a race with a concurrent registration: answer as if we had seen it first.
      const constraint = pgConstraint(err);
      if (constraint === 'beneficiary_nik_key' || constraint === 'beneficiary_identity_key') {
        await this.assertNotRegistered(this.dataSource.manager, scope, beneficiary, beneficiary.id);
      }
      throw err;
    }
  }
}
