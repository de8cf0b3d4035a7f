import { Module } from '@nestjs/common';
import { AuditModule } from '@pilar/audit';
import { CoreModule } from '@pilar/core';
import { PlanningModule } from '@pilar/planning';
import { RollupModule } from '@pilar/rollup';

/** What the demo loader needs: planning's Renja loader and the roll-up's rebuild. */
@Module({ imports: [CoreModule, AuditModule, PlanningModule, RollupModule] })
export class DemoModule {}
