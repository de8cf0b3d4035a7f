import { Conflict, FieldError, NotFound } from '@pilar/core';

export class CaseNotFound extends NotFound {
  constructor(id: string) {
    super('Case', id);
  }
}

/** 409: the case's type does not allow this move from its current status. */
export class IllegalTransition extends Conflict {
  constructor(type: string, from: string, to: string, allowed: readonly string[]) {
    super(
      'ILLEGAL_TRANSITION',
      `A ${type} case cannot go from ${from} to ${to}; from ${from} it may go to ${allowed.join(', ') || 'nothing'}.`,
      { from, to, allowed },
    );
  }
}

/** 409: the move is allowed, but what it needs is not there yet (family, documents, relay). */
export class TransitionRequirementsUnmet extends Conflict {
  constructor(to: string, errors: FieldError[]) {
    super(
      'TRANSITION_REQUIREMENTS_UNMET',
      `The case cannot move to ${to} yet: ${errors.map((e) => e.message).join('; ')}.`,
      { errors },
    );
  }
}

/** 409: a closed case is not changed; reopen it first. */
export class CaseClosed extends Conflict {
  constructor(id: string) {
    super('CASE_CLOSED', `Case ${id} is closed; reopen it before changing it.`, { id });
  }
}
