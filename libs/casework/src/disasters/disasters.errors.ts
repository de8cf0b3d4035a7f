import { NotFound } from '@pilar/core';

export class DisasterNotFound extends NotFound {
  constructor(id: string) {
    super('Disaster', id);
  }
}
