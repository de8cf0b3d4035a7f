import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { AuditModule } from '@pilar/audit';
import { AccessGuard, AuthModule } from '@pilar/auth';
import { CaseworkModule } from '@pilar/casework';
import { CoreModule, createValidationPipe, ProblemDetailsFilter } from '@pilar/core';
import { PlanningModule } from '@pilar/planning';
import { RegistryModule } from '@pilar/registry';
import { WilayahModule } from '@pilar/wilayah';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { HealthController } from './health/health.controller';
import { JobsController } from './jobs/jobs.controller';
import { NomenclatureController } from './nomenclature/nomenclature.controller';
import { ReferenceController } from './reference/reference.controller';
import { UsersController } from './users/users.controller';

@Module({
  imports: [
    CoreModule,
    AuditModule,
    AuthModule,
    WilayahModule,
    RegistryModule,
    PlanningModule,
    CaseworkModule,
  ],
  controllers: [
    HealthController,
    AuthController,
    UsersController,
    AuditController,
    ReferenceController,
    NomenclatureController,
    JobsController,
  ],
  providers: [
    { provide: APP_GUARD, useExisting: AccessGuard },
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
  ],
})
export class ApiModule {}
