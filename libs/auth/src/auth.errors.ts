import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@pilar/core';

export class Unauthenticated extends DomainError {
  constructor(
    detail = 'Sign in first: send Authorization: Bearer <accessToken>.',
    code = 'UNAUTHENTICATED',
  ) {
    super(code, HttpStatus.UNAUTHORIZED, detail);
  }
}

export class InvalidCredentials extends Unauthenticated {
  constructor() {
    super('The username or password is wrong.', 'INVALID_CREDENTIALS');
  }
}

export class InvalidRefreshToken extends Unauthenticated {
  constructor(detail = 'The refresh token is invalid, expired or revoked; sign in again.') {
    super(detail, 'INVALID_REFRESH_TOKEN');
  }
}

export class RoleNotAllowed extends DomainError {
  constructor(role: string) {
    super('ROLE_NOT_ALLOWED', HttpStatus.FORBIDDEN, `Role ${role} may not use this endpoint.`);
  }
}

export class TooManyLoginAttempts extends DomainError {
  constructor(retryAfterSeconds: number) {
    super(
      'TOO_MANY_LOGIN_ATTEMPTS',
      HttpStatus.TOO_MANY_REQUESTS,
      `Too many failed sign-ins; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
      { retryAfterSeconds },
    );
  }
}
