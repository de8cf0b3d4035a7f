import { HttpStatus, Injectable } from '@nestjs/common';
import { CASEWORK_ROLES, UsersService, WilayahScope } from '@pilar/auth';
import { AppConfig, DomainError, ValidationFailed } from '@pilar/core';

/** Who may be given a case: an active casework user whose wilayah covers the case's desa. */
@Injectable()
export class CaseAssignees {
  constructor(
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  async requireFor(userId: string, desaKode: string, field = 'assignedTo'): Promise<void> {
    const user = await this.users.get(userId).catch((err: unknown) => {
      if (err instanceof DomainError && err.status === HttpStatus.NOT_FOUND) return null;
      throw err;
    });
    if (!user?.active)
      throw ValidationFailed.field(field, `user ${userId} does not exist or is inactive`);
    if (!CASEWORK_ROLES.includes(user.role)) {
      throw ValidationFailed.field(field, `a ${user.role} does not work on cases`);
    }
    if (!WilayahScope.of(user, this.config.agency.kabupatenKode).contains(desaKode)) {
      throw ValidationFailed.field(field, `${user.username} works outside desa ${desaKode}`);
    }
  }
}
