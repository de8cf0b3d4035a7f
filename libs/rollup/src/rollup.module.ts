import { Module } from '@nestjs/common';
import { PlanningModule } from '@pilar/planning';
import { CoverageFiguresService } from './ppks-coverage/coverage-figures.service';
import { OutboxDrainUseCase } from './drain/outbox-drain.use-case';
import { IndicatorEventsService } from './realisasi/indicator-events.service';
import { RealisasiAnggaranService } from './realisasi/realisasi-anggaran.service';
import { RealisasiService } from './realisasi/realisasi.service';
import { RebuildJobsService } from './rebuild/rebuild-jobs.service';
import { RebuildUseCase } from './rebuild/rebuild.use-case';
import { RollupRunner } from './rollup-runner.service';
import { RollupTrigger } from './rollup-trigger';
import { RollupStatusService } from './status/rollup-status.service';

/** The roll-up: drains the outbox into figures, rebuilds them, and reads them back. */
@Module({
  imports: [PlanningModule],
  providers: [
    OutboxDrainUseCase,
    RebuildUseCase,
    RollupRunner,
    RollupTrigger,
    RollupStatusService,
    RealisasiService,
    IndicatorEventsService,
    RealisasiAnggaranService,
    CoverageFiguresService,
    RebuildJobsService,
  ],
  exports: [
    RollupRunner,
    RollupTrigger,
    RollupStatusService,
    RealisasiService,
    IndicatorEventsService,
    RealisasiAnggaranService,
    CoverageFiguresService,
    RebuildJobsService,
  ],
})
export class RollupModule {}
