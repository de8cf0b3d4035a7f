import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@pilar/auth';
import { PlanningModule } from '@pilar/planning';
import { RegistryModule } from '@pilar/registry';
import { WilayahModule } from '@pilar/wilayah';
import { CaseAssignees } from './cases/case-assignees';
import { CaseDocument } from './cases/case-document.entity';
import { CaseFileStore } from './cases/case-file.store';
import { SocialCase } from './cases/case.entity';
import { CaseRelayLeg } from './cases/case-relay-leg.entity';
import { CaseTransition } from './cases/case-transition.entity';
import { CasesService } from './cases/cases.service';
import { OpenCaseUseCase } from './cases/use-cases/open-case.use-case';
import { TransitionCaseUseCase } from './cases/use-cases/transition-case.use-case';
import { UpdateCaseFileUseCase } from './cases/use-cases/update-case-file.use-case';
import { Disaster } from './disasters/disaster.entity';
import { DisasterVictim } from './disasters/disaster-victim.entity';
import { DisasterVictimsService } from './disasters/disaster-victims.service';
import { DisastersService } from './disasters/disasters.service';
import { CaseworkRegistryLinks } from './registry-links';
import { ServiceEvent } from './service-events/service-event.entity';
import { ServiceEventResolver } from './service-events/service-event.resolver';
import { ServiceEventsService } from './service-events/service-events.service';
import { RecordServiceEventBatchUseCase } from './service-events/use-cases/record-service-event-batch.use-case';
import { RecordServiceEventUseCase } from './service-events/use-cases/record-service-event.use-case';
import { VoidServiceEventUseCase } from './service-events/use-cases/void-service-event.use-case';
import { ServiceType } from './service-types/service-type.entity';
import { ServiceTypesService } from './service-types/service-types.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      ServiceType,
      ServiceEvent,
      SocialCase,
      CaseTransition,
      CaseDocument,
      CaseRelayLeg,
      Disaster,
      DisasterVictim,
    ]),
    AuthModule,
    WilayahModule,
    RegistryModule,
    PlanningModule,
  ],
  providers: [
    ServiceTypesService,
    ServiceEventResolver,
    RecordServiceEventUseCase,
    RecordServiceEventBatchUseCase,
    VoidServiceEventUseCase,
    ServiceEventsService,
    CaseAssignees,
    CaseFileStore,
    OpenCaseUseCase,
    TransitionCaseUseCase,
    UpdateCaseFileUseCase,
    CasesService,
    DisastersService,
    DisasterVictimsService,
    CaseworkRegistryLinks,
  ],
  exports: [
    ServiceTypesService,
    ServiceEventsService,
    CasesService,
    DisastersService,
    DisasterVictimsService,
  ],
})
export class CaseworkModule {}
