import { HttpStatus } from '@nestjs/common';
import { Conflict, DomainError, FieldError } from '@pilar/core';

/** An indicator definition that cannot be computed: every problem is listed by field. */
export class InvalidIndicatorDefinition extends DomainError {
  constructor(errors: FieldError[]) {
    super(
      'INVALID_INDICATOR_DEFINITION',
      HttpStatus.BAD_REQUEST,
      errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      { errors },
    );
  }
}

export class IndicatorAlreadyExists extends Conflict {
  constructor(name: string, existingId: string) {
    super('INDICATOR_ALREADY_EXISTS', `The node already has an indicator named "${name}".`, {
      existingId,
    });
  }
}

export class IndicatorNotManual extends Conflict {
  constructor(id: string) {
    super(
      'INDICATOR_NOT_MANUAL',
      `Indicator ${id} is computed from service events; only MANUAL indicators take entered values.`,
    );
  }
}

export class RenstraPeriodOverlap extends Conflict {
  constructor(
    startYear: number,
    endYear: number,
    existing: { startYear: number; endYear: number },
  ) {
    super(
      'RENSTRA_PERIOD_OVERLAP',
      `The period ${startYear}–${endYear} overlaps the Renstra period ${existing.startYear}–${existing.endYear} of this indicator.`,
      { existingStartYear: existing.startYear },
    );
  }
}
