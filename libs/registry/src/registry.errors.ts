import { HttpStatus } from '@nestjs/common';
import { Conflict, DomainError, Forbidden, NotFound } from '@pilar/core';

/** 409 on a NIK that a living record already holds; `existingId` only when the caller may see it. */
export class NikAlreadyRegistered extends Conflict {
  constructor(existingId: string | null) {
    super(
      'NIK_ALREADY_REGISTERED',
      existingId
        ? `This NIK is already registered as beneficiary ${existingId}.`
        : 'This NIK is already registered outside your wilayah; ask Dinsos to check it.',
      existingId ? { existingId } : {},
    );
  }
}

/** 409 on a person without NIK whose name, birth date and desa are already registered. */
export class BeneficiaryAlreadyRegistered extends Conflict {
  constructor(existingId: string) {
    super(
      'BENEFICIARY_ALREADY_REGISTERED',
      `A person without NIK with this name, birth date and desa is already registered as ${existingId}.`,
      { existingId },
    );
  }
}

export class NoKkAlreadyRegistered extends Conflict {
  constructor(existingId: string | null) {
    super(
      'NO_KK_ALREADY_REGISTERED',
      existingId
        ? `This KK number is already registered as household ${existingId}.`
        : 'This KK number is already registered outside your wilayah; ask Dinsos to check it.',
      existingId ? { existingId } : {},
    );
  }
}

export class DtksIdAlreadyRegistered extends Conflict {
  constructor() {
    super('DTKS_ID_ALREADY_REGISTERED', 'Another household without KK has this DTKS id.');
  }
}

/** 404 for an absent, merged-away or out-of-scope person (never reveals which). */
export class BeneficiaryNotFound extends NotFound {
  constructor(id: string, mergedIntoId: string | null = null) {
    super('Beneficiary', id);
    // A phone holding a stale id learns where the person went, when it may see the survivor.
    if (mergedIntoId) this.extra.mergedIntoId = mergedIntoId;
  }
}

export class HouseholdNotFound extends NotFound {
  constructor(id: string) {
    super('Household', id);
  }
}

export class PpksClassificationNotFound extends DomainError {
  constructor(id: string) {
    super(
      'PPKS_CLASSIFICATION_NOT_FOUND',
      HttpStatus.NOT_FOUND,
      `PPKS classification ${id} was not found.`,
    );
  }
}

/** 403 when registering or moving someone into a desa outside the caller's wilayah. */
export class OutsideWilayah extends Forbidden {
  constructor(desaKode: string, scopeKode: string) {
    super(`Desa ${desaKode} is outside your wilayah ${scopeKode}.`, 'OUTSIDE_WILAYAH');
  }
}

export class PpksPeriodOverlaps extends Conflict {
  constructor(kode: string) {
    super(
      'PPKS_PERIOD_OVERLAPS',
      `${kode} is already held during part of this period; end the other period first.`,
    );
  }
}

export class IllegalVerificationTransition extends Conflict {
  constructor(from: string, to: string) {
    super(
      'ILLEGAL_VERIFICATION_TRANSITION',
      `A ${from} classification cannot become ${to}: only PROPOSED ones are verified or rejected.`,
    );
  }
}

export class MergeNotAllowed extends Conflict {
  constructor(detail: string) {
    super('MERGE_NOT_ALLOWED', detail);
  }
}
