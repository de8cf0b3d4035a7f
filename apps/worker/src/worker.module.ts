import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuditModule } from '@pilar/audit';
import { CoreModule } from '@pilar/core';
import { PlanningModule } from '@pilar/planning';
import { JobDispatcher } from './job-dispatcher';
import { NomenclatureImportProcessor } from './processors/nomenclature-import.processor';

@Module({
  imports: [CoreModule, DiscoveryModule, AuditModule, PlanningModule],
  providers: [JobDispatcher, NomenclatureImportProcessor],
})
export class WorkerModule {}
