import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuditModule } from '@pilar/audit';
import { CoreModule } from '@pilar/core';
import { PlanningModule } from '@pilar/planning';
import { RegistryModule } from '@pilar/registry';
import { RollupModule } from '@pilar/rollup';
import { JobDispatcher } from './job-dispatcher';
import { BeneficiaryImportProcessor } from './processors/beneficiary-import.processor';
import { NomenclatureImportProcessor } from './processors/nomenclature-import.processor';
import { RenjaImportProcessor } from './processors/renja-import.processor';
import { RollupDrainProcessor } from './processors/rollup-drain.processor';
import { RollupRebuildProcessor } from './processors/rollup-rebuild.processor';
import { RollupSweepProcessor } from './processors/rollup-sweep.processor';
import { Schedules } from './schedules';

@Module({
  imports: [CoreModule, DiscoveryModule, AuditModule, PlanningModule, RegistryModule, RollupModule],
  providers: [
    JobDispatcher,
    NomenclatureImportProcessor,
    RenjaImportProcessor,
    BeneficiaryImportProcessor,
    RollupDrainProcessor,
    RollupSweepProcessor,
    RollupRebuildProcessor,
    Schedules,
  ],
})
export class WorkerModule {}
