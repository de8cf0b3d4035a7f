import { HttpStatus } from '@nestjs/common';
import { Conflict, DomainError, Forbidden } from '@pilar/core';

/** 404 for an absent event or one outside the caller's wilayah (never reveals which). */
export class ServiceEventNotFound extends DomainError {
  constructor(id: string) {
    super('SERVICE_EVENT_NOT_FOUND', HttpStatus.NOT_FOUND, `Service event ${id} was not found.`);
  }
}

export class ServiceEventAlreadyVoided extends Conflict {
  constructor(id: string) {
    super('SERVICE_EVENT_ALREADY_VOIDED', `Service event ${id} was already voided.`, { id });
  }
}

/** Field workers correct their own records; staff correct anyone's. */
export class VoidNotAllowed extends Forbidden {
  constructor() {
    super(
      'A field worker may void only the services they recorded; ask Dinsos staff.',
      'VOID_NOT_ALLOWED',
    );
  }
}
