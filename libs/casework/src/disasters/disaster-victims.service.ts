import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditService } from '@pilar/audit';
import type { AuthUser, WilayahScope } from '@pilar/auth';
import {
  decodeCursor,
  DomainError,
  encodeCursor,
  FieldError,
  PgError,
  pgErrorCode,
  ValidationFailed,
} from '@pilar/core';
import {
  Beneficiary,
  BeneficiariesService,
  HouseholdsService,
  NewBeneficiary,
  PpksClassificationsService,
  Relationship,
} from '@pilar/registry';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Disaster } from './disaster.entity';
import { DisasterVictim } from './disaster-victim.entity';
import { DisastersService } from './disasters.service';
import {
  RegisteredVictim,
  VictimHousehold,
  VictimPerson,
  VictimRegistration,
} from './disasters.types';

/** The most victims one call registers: a kampung's worth, in one transaction. */
export const MAX_VICTIMS_PER_CALL = 1_000;
const LIST = 'disaster-victims';

/** A field path inside the registration, for errors: `people[3].nik`, `households[0].members[2].name`. */
type ItemPath = string;

/**
 * Victims of a disaster: people registered in the registry on the spot (with or without NIK,
 * alone or as a household) or already there, each with the KORBAN_BENCANA_ALAM/SOSIAL
 * classification for the disaster's tanggap darurat, tied to it.
 */
@Injectable()
export class DisasterVictimsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(DisasterVictim) private readonly victims: Repository<DisasterVictim>,
    private readonly disasters: DisastersService,
    private readonly beneficiaries: BeneficiariesService,
    private readonly households: HouseholdsService,
    private readonly classifications: PpksClassificationsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Registers many victims at once, all or nothing: one transaction, every invalid field of
   * every victim reported together (`people[3].birthDate`).
   */
  async register(
    caller: AuthUser,
    disasterId: string,
    input: VictimRegistration,
  ): Promise<DisasterVictim[]> {
    const disaster = await this.disasters.require(disasterId);
    const people = input.people ?? [];
    const households = input.households ?? [];
    const total = people.length + households.reduce((n, h) => n + h.members.length, 0);
    if (total === 0) throw ValidationFailed.field('people', 'register at least one victim');
    if (total > MAX_VICTIMS_PER_CALL) {
      throw ValidationFailed.field('people', `at most ${MAX_VICTIMS_PER_CALL} victims per call`);
    }
    return this.dataSource.transaction(async (m) => {
      const errors: FieldError[] = [];
      const registered: Beneficiary[] = [];
      // Registry validation fails before it writes anything, so the transaction stays usable and
      // every victim is checked; any other failure ends the call.
      const attempt = async (path: ItemPath, work: () => Promise<Beneficiary>): Promise<void> => {
        try {
          registered.push(await work());
        } catch (err) {
          if (err instanceof ValidationFailed) errors.push(...prefixed(path, err));
          else throw atItem(path, err);
        }
      };
      for (const [i, person] of people.entries()) {
        if (!person.desaKode) {
          errors.push({ field: `people[${i}].desaKode`, message: 'is required' });
          continue;
        }
        await attempt(`people[${i}]`, () =>
          this.beneficiaries.create(caller.scope, this.newVictim(disaster, person, {}), m),
        );
      }
      for (const [h, household] of households.entries()) {
        const joinAs = await this.householdOf(m, caller.scope, household, `households[${h}]`);
        if (!joinAs) continue;
        for (const [i, member] of household.members.entries()) {
          await attempt(`households[${h}].members[${i}]`, () =>
            this.beneficiaries.create(
              caller.scope,
              this.newVictim(
                disaster,
                { ...member, desaKode: member.desaKode ?? household.desaKode },
                joinAs,
              ),
              m,
            ),
          );
        }
      }
      if (errors.length)
        throw new ValidationFailed(errors, `Invalid victims: ${errors.length} field(s).`);
      const rows = registered.map((b) => this.victimRow(caller, disaster, b));
      await m.insert(DisasterVictim, rows);
      await this.audit.record(m, {
        action: 'disaster.victims.register',
        entity: 'disaster',
        entityId: disaster.id,
        changes: { victims: { before: null, after: rows.length } },
      });
      return rows;
    });
  }

  /** Adds a person already in the registry as a victim; idempotent per person and disaster. */
  async add(
    caller: AuthUser,
    disasterId: string,
    beneficiaryId: string,
  ): Promise<RegisteredVictim> {
    const disaster = await this.disasters.require(disasterId);
    const person = await this.beneficiaries.requireVisible(caller.scope, beneficiaryId);
    const existing = await this.victims.findOneBy({ disasterId, beneficiaryId: person.id });
    if (existing) return { victim: existing, created: false };
    try {
      return await this.addNew(caller, disaster, person);
    } catch (err) {
      // Lost a race with the same request: answer as if it had come second.
      if (pgErrorCode(err) !== PgError.uniqueViolation) throw err;
      const winner = await this.victims.findOneByOrFail({ disasterId, beneficiaryId: person.id });
      return { victim: winner, created: false };
    }
  }

  private addNew(
    caller: AuthUser,
    disaster: Disaster,
    person: Beneficiary,
  ): Promise<RegisteredVictim> {
    return this.dataSource.transaction(async (m) => {
      const victim = this.victimRow(caller, disaster, person);
      // The victim row first: a concurrent add of the same person fails here, before the
      // classification is written. The registry's add() commits on its own (it takes no
      // EntityManager); it runs last so that any failure before it writes nothing at all.
      await m.insert(DisasterVictim, victim);
      await this.classifications.add(
        caller.scope,
        { beneficiaryId: person.id },
        this.korban(disaster),
      );
      await this.audit.record(m, {
        action: 'disaster.victims.add',
        entity: 'disaster',
        entityId: disaster.id,
        changes: { beneficiaryId: { before: null, after: person.id } },
      });
      return { victim, created: true };
    });
  }

  /** Victims the caller may see (their wilayah), in registration order. */
  async list(
    scope: WilayahScope,
    disasterId: string,
    page: { limit: number; cursor?: string },
  ): Promise<{ items: DisasterVictim[]; nextCursor: string | null }> {
    await this.disasters.require(disasterId);
    const qb = this.victims
      .createQueryBuilder('v')
      .where('v.disaster_id = :disasterId', { disasterId })
      .andWhere(...scope.where('v.desa_kode'))
      .orderBy('v.registered_at', 'ASC')
      .addOrderBy('v.id', 'ASC')
      .limit(page.limit + 1);
    if (page.cursor) {
      const [at, id] = decodeCursor<[string, string]>(LIST, page.cursor, ['string', 'string']);
      qb.andWhere('(v.registered_at, v.id) > (CAST(:at AS timestamptz), CAST(:id AS uuid))', {
        at,
        id,
      });
    }
    const rows = await qb.getMany();
    const items = rows.slice(0, page.limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        rows.length > page.limit
          ? encodeCursor(LIST, [last.registeredAt.toISOString(), last.id])
          : null,
    };
  }

  /** How members of `household` join it: by KK (found or registered), or a new household. */
  private async householdOf(
    m: EntityManager,
    scope: WilayahScope,
    household: VictimHousehold,
    path: ItemPath,
  ): Promise<Pick<NewBeneficiary, 'noKk' | 'householdId'> | null> {
    if (household.noKk) return { noKk: household.noKk };
    try {
      const created = await this.households.create(
        scope,
        { desaKode: household.desaKode, alamat: household.alamat },
        m,
      );
      return { householdId: created.id };
    } catch (err) {
      throw err instanceof ValidationFailed
        ? new ValidationFailed(prefixed(path, err))
        : atItem(path, err);
    }
  }

  private newVictim(
    disaster: Disaster,
    person: VictimPerson,
    household: Pick<NewBeneficiary, 'noKk' | 'householdId'>,
  ): NewBeneficiary {
    return {
      ...household,
      nik: person.nik ?? null,
      name: person.name,
      sex: person.sex,
      birthDate: person.birthDate,
      birthPlace: person.birthPlace ?? null,
      desaKode: person.desaKode ?? '',
      alamat: person.alamat ?? null,
      relationship: (person.relationship as Relationship | undefined) ?? null,
      ppks: [this.korban(disaster)],
    };
  }

  /**
   * KORBAN_BENCANA_ALAM or _SOSIAL for the tanggap darurat: a temporary classification, so a
   * person struck again by a later disaster of the same jenis can be classified again.
   */
  private korban(disaster: Disaster): NonNullable<NewBeneficiary['ppks']>[number] {
    return {
      kode: `KORBAN_BENCANA_${disaster.jenis}`,
      since: disaster.startDate,
      until: disaster.emergencyEndDate,
      source: 'ASSESSMENT',
      disasterId: disaster.id,
    };
  }

  private victimRow(caller: AuthUser, disaster: Disaster, person: Beneficiary): DisasterVictim {
    return this.victims.create({
      disasterId: disaster.id,
      beneficiaryId: person.id,
      householdId: person.householdId,
      desaKode: person.desaKode,
      registeredBy: caller.id,
      registeredAt: new Date(),
    });
  }
}

/** The registry's field errors, placed under the victim they belong to. */
function prefixed(path: ItemPath, err: ValidationFailed): FieldError[] {
  return (err.extra.errors ?? []).map((e) => ({ ...e, field: `${path}.${e.field}` }));
}

/** Any other domain error (NIK already registered, outside the wilayah), naming the victim. */
function atItem(path: ItemPath, err: unknown): unknown {
  if (!(err instanceof DomainError)) return err;
  return new DomainError(err.code, err.status, `${path}: ${err.detail}`, {
    ...err.extra,
    item: path,
  });
}
