import { HttpStatus } from '@nestjs/common';
import { Conflict, DomainError, Forbidden } from '@pilar/core';

/** A service or plan item names a sub-kegiatan that has no Renja line in that year. */
export class SubKegiatanNotInRenja extends DomainError {
  constructor(field: string, kode: string, year: number) {
    const message = `sub-kegiatan ${kode} has no line in the Renja ${year}`;
    super('SUB_KEGIATAN_NOT_IN_RENJA', HttpStatus.BAD_REQUEST, `${field}: ${message}.`, {
      errors: [{ field, message }],
    });
  }
}

/** Targets and values need a plan: the year (or the indicator's node in it) has no Renja line. */
export class NoRenjaForYear extends Conflict {
  constructor(year: number, kode: string | null) {
    super(
      'NO_RENJA_FOR_YEAR',
      kode
        ? `The Renja ${year} has no line for ${kode} or anything under it; enter its pagu first.`
        : `There is no Renja for ${year}; enter its sub-kegiatan first.`,
      { year, kode },
    );
  }
}

export class RenjaAlreadyExists extends Conflict {
  constructor(year: number) {
    super(
      'RENJA_ALREADY_EXISTS',
      `The Renja ${year} already has lines; copying would mix two plans. Edit its lines instead.`,
      { year },
    );
  }
}

/** Field workers see only the sub-kegiatan they can record services against: this year's. */
export class RenjaYearForbidden extends Forbidden {
  constructor(year: number, currentYear: number) {
    super(
      `This role may read only the sub-kegiatan of the current year (${currentYear}), not ${year}.`,
      'RENJA_YEAR_FORBIDDEN',
    );
  }
}

/** Two requests created the same row at the same moment; the loser may simply retry. */
export class ConcurrentEdit extends Conflict {
  constructor(what: string) {
    super('CONCURRENT_EDIT', `${what} was created by another request at the same time; retry.`);
  }
}
