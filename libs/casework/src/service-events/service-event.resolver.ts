import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { WilayahScope } from '@pilar/auth';
import { AppConfig, isCalendarDate, todayIn, ValidationFailed, yearOf } from '@pilar/core';
import { RenjaService } from '@pilar/planning';
import { BeneficiariesService, BeneficiaryStatus, HouseholdsService } from '@pilar/registry';
import { WilayahService } from '@pilar/wilayah';
import { Repository } from 'typeorm';
import { SocialCase } from '../cases/case.entity';
import { FieldErrorCollector } from '../common/field-errors';
import { TtlCache } from '../common/ttl-cache';
import { Disaster } from '../disasters/disaster.entity';
import { ServiceTypesService } from '../service-types/service-types.service';
import { ResolvedServiceEvent, ServiceEventInput } from './service-events.types';

/** A service type paid by no sub-kegiatan of its own is allowed only for visits. */
const UNFUNDED_TYPE = 'KUNJUNGAN';

/**
 * Reference data changes rarely and is read on every recorded service; a short TTL bounds how
 * long another replica's change takes to be seen. Only successful lookups are cached, so a
 * sub-kegiatan just added to the Renja is accepted at once.
 */
const REFERENCE_TTL_MS = 30_000;

/**
 * Checks a reported service against the registry, the Renja and casework, and fills in the
 * defaults: the whole request is answered with every invalid field at once.
 */
@Injectable()
export class ServiceEventResolver {
  private readonly serviceTypeKodes = new TtlCache<Set<string>>(REFERENCE_TTL_MS, 1);
  private readonly renjaKodes = new TtlCache<string>(REFERENCE_TTL_MS);
  private readonly disasters = new TtlCache<Disaster>(REFERENCE_TTL_MS);

  constructor(
    private readonly config: AppConfig,
    private readonly beneficiaries: BeneficiariesService,
    private readonly households: HouseholdsService,
    private readonly renja: RenjaService,
    private readonly wilayah: WilayahService,
    private readonly serviceTypes: ServiceTypesService,
    @InjectRepository(SocialCase) private readonly cases: Repository<SocialCase>,
    @InjectRepository(Disaster) private readonly disasterRepo: Repository<Disaster>,
  ) {}

  async resolve(scope: WilayahScope, input: ServiceEventInput): Promise<ResolvedServiceEvent> {
    scope.requireKode();
    const errors = new FieldErrorCollector();
    const { timezone } = this.config.agency;
    const validDate = isCalendarDate(input.date);
    if (!validDate) {
      errors.add('date', `${input.date} is not a calendar date`);
    } else {
      const today = todayIn(timezone);
      if (input.date > today) {
        errors.add('date', `${input.date} is in the future (today is ${today} in ${timezone})`);
      }
    }
    const recipients = Number(Boolean(input.beneficiaryId)) + Number(Boolean(input.householdId));
    if (recipients !== 1) {
      errors.add('beneficiaryId', 'give exactly one recipient: beneficiaryId or householdId');
    }
    if (!input.subKegiatanKode && input.type !== UNFUNDED_TYPE) {
      errors.add(
        'subKegiatanKode',
        `is required for ${input.type} (only a KUNJUNGAN may have none)`,
      );
    }

    // Independent lookups run together. The recipient is read by the insert statement itself
    // (see RecordServiceEventUseCase), one round trip fewer on the path every service takes.
    const [, subKegiatanKode, disaster, kase, desa] = await Promise.all([
      errors.check(this.requireServiceType(input.type)),
      input.subKegiatanKode && validDate
        ? errors.check(this.requireInRenja(yearOf(input.date), input.subKegiatanKode))
        : undefined,
      input.disasterId ? errors.check(this.requireDisaster(input.disasterId)) : undefined,
      input.caseId ? errors.check(this.requireCase(scope, input.caseId)) : undefined,
      input.desaKode
        ? errors.check(this.wilayah.require(input.desaKode, 'DESA', 'desaKode'))
        : undefined,
    ]);

    if (desa && !scope.contains(desa.kode)) {
      errors.add('desaKode', `${desa.kode} is outside your wilayah ${scope.kode}`);
    }
    if (kase && kase.beneficiaryId !== input.beneficiaryId?.toLowerCase()) {
      errors.add('caseId', `case ${kase.id} is about another person`);
    }
    if (disaster && input.date < disaster.startDate) {
      errors.add(
        'disasterId',
        `${input.date} is before the disaster began (${disaster.startDate})`,
      );
    }
    // A recipient who is absent or outside the wilayah answers 404 before any 400.
    if (!errors.isEmpty && recipients === 1) await this.requireRecipient(scope, input);
    errors.throwIfAny();

    return {
      serviceType: input.type,
      beneficiaryId: input.beneficiaryId ?? null,
      householdId: input.householdId ?? null,
      subKegiatanKode: subKegiatanKode ?? null,
      eventDate: input.date,
      quantity: input.quantity ?? 1,
      unit: input.unit ?? null,
      amount: input.amount ?? 0,
      desaKode: input.desaKode ?? null,
      caseId: input.caseId ?? null,
      disasterId: input.disasterId ?? null,
      notes: input.notes ?? null,
      locationLat: input.location?.lat ?? null,
      locationLon: input.location?.lon ?? null,
    };
  }

  private async requireServiceType(kode: string): Promise<void> {
    const known = await this.serviceTypeKodes.get(
      'all',
      async () => new Set((await this.serviceTypes.list()).map((t) => t.kode)),
    );
    if (!known.has(kode)) throw ValidationFailed.field('type', `${kode} is not a service type`);
  }

  private requireInRenja(year: number, kode: string): Promise<string> {
    return this.renjaKodes.get(`${year}|${kode}`, () =>
      this.renja.requireSubKegiatanInRenja(year, kode, 'subKegiatanKode'),
    );
  }

  /** Throws unless the caller may record a service for the request's recipient. */
  private async requireRecipient(scope: WilayahScope, input: ServiceEventInput): Promise<void> {
    if (input.beneficiaryId) {
      await this.beneficiaries.requireVisibleDesa(scope, input.beneficiaryId);
    } else {
      await this.households.requireVisibleDesa(scope, input.householdId as string);
    }
  }

  /**
   * Throws what requireRecipient would have for the recipient as the insert statement read it
   * (`found` undefined when absent), after that statement refused to record for them.
   */
  async refuseRecipient(
    scope: WilayahScope,
    input: ServiceEventInput,
    found: { desaKode: string; status: BeneficiaryStatus | null } | undefined,
  ): Promise<void> {
    if (input.beneficiaryId) {
      await this.beneficiaries.visibleDesa(scope, input.beneficiaryId, found);
    } else {
      this.households.visibleDesa(scope, input.householdId as string, found);
    }
  }

  /** Disasters are never edited once registered, so a cached one stays right. */
  private requireDisaster(id: string): Promise<Disaster> {
    return this.disasters.get(id, async () => {
      const found = await this.disasterRepo.findOneBy({ id });
      if (!found) throw ValidationFailed.field('disasterId', `disaster ${id} does not exist`);
      return found;
    });
  }

  /** The case, when the caller may see it; absent and out-of-scope read the same. */
  private async requireCase(scope: WilayahScope, id: string): Promise<SocialCase> {
    const kase = await this.cases.findOneBy({ id });
    if (!kase || !scope.contains(kase.desaKode)) {
      throw ValidationFailed.field('caseId', `case ${id} does not exist`);
    }
    return kase;
  }
}
