import { HttpStatus } from '@nestjs/common';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * A failure the caller can act on, with a stable machine-readable code.
 * Domain libraries throw subclasses; one filter turns them into application/problem+json.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: HttpStatus,
    readonly detail: string,
    readonly extra: { errors?: FieldError[]; [key: string]: unknown } = {},
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

export class ValidationFailed extends DomainError {
  constructor(errors: FieldError[], detail = 'The request has invalid fields.') {
    super('VALIDATION_FAILED', HttpStatus.BAD_REQUEST, detail, { errors });
  }

  static field(field: string, message: string): ValidationFailed {
    return new ValidationFailed([{ field, message }], `${field}: ${message}`);
  }
}

export class NotFound extends DomainError {
  constructor(entity: string, id: string) {
    super(
      `${entity.toUpperCase()}_NOT_FOUND`,
      HttpStatus.NOT_FOUND,
      `${entity} ${id} was not found.`,
    );
  }
}

export class Conflict extends DomainError {
  constructor(code: string, detail: string, extra: Record<string, unknown> = {}) {
    super(code, HttpStatus.CONFLICT, detail, extra);
  }
}

export class StaleVersion extends Conflict {
  constructor(entity: string, expected: number, actual: number) {
    super(
      'STALE_VERSION',
      `${entity} was changed by someone else: you sent version ${expected}, the current version is ${actual}.`,
      { currentVersion: actual },
    );
  }
}

export class Forbidden extends DomainError {
  constructor(detail: string, code = 'FORBIDDEN') {
    super(code, HttpStatus.FORBIDDEN, detail);
  }
}
