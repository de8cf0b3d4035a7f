import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { AuditModule } from '@pilar/audit';
import { AccessGuard, AuthModule } from '@pilar/auth';
import { CaseworkModule } from '@pilar/casework';
import { CoreModule, createValidationPipe, ProblemDetailsFilter } from '@pilar/core';
import { PlanningModule } from '@pilar/planning';
import { RegistryModule } from '@pilar/registry';
import { ReportsModule } from '@pilar/reports';
import { RollupModule } from '@pilar/rollup';
import { WilayahModule } from '@pilar/wilayah';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { BeneficiariesController } from './beneficiaries/beneficiaries.controller';
import { BeneficiaryDuplicatesController } from './beneficiaries/beneficiary-duplicates.controller';
import { CasesController } from './cases/cases.controller';
import { DisastersController } from './disasters/disasters.controller';
import { HealthController } from './health/health.controller';
import { HouseholdsController } from './households/households.controller';
import { ImportsController } from './imports/imports.controller';
import { IndicatorRealisasiController } from './indicator-realisasi/indicator-realisasi.controller';
import { IndicatorsController } from './indicators/indicators.controller';
import { JobsController } from './jobs/jobs.controller';
import { NomenclatureController } from './nomenclature/nomenclature.controller';
import { ReferenceController } from './reference/reference.controller';
import { RenjaController } from './renja/renja.controller';
import { ReportsController } from './reports/reports.controller';
import { RollupController } from './rollup/rollup.controller';
import { ServiceEventsController } from './service-events/service-events.controller';
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
    RollupModule,
    ReportsModule,
  ],
  controllers: [
    HealthController,
    AuthController,
    UsersController,
    AuditController,
    ReferenceController,
    NomenclatureController,
    RenjaController,
    IndicatorsController,
    JobsController,
    HouseholdsController,
    // Before BeneficiariesController: /beneficiaries/duplicates must not be read as an id.
    BeneficiaryDuplicatesController,
    BeneficiariesController,
    ImportsController,
    ServiceEventsController,
    CasesController,
    DisastersController,
    IndicatorRealisasiController,
    RollupController,
    ReportsController,
  ],
  providers: [
    { provide: APP_GUARD, useExisting: AccessGuard },
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
  ],
})
export class ApiModule {}
