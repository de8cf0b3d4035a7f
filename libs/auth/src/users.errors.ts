import { Conflict, ValidationFailed } from '@pilar/core';

export class UsernameTaken extends Conflict {
  constructor(username: string) {
    super('USERNAME_TAKEN', `The username ${username} is already in use.`);
  }
}

export class WilayahNotAllowedForRole extends ValidationFailed {
  constructor(message: string) {
    super([{ field: 'wilayahKode', message }], `wilayahKode: ${message}`);
  }
}
