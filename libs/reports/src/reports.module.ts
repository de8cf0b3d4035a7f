import { Module } from '@nestjs/common';
import { PlanningModule } from '@pilar/planning';
import { RegistryModule } from '@pilar/registry';
import { RollupModule } from '@pilar/rollup';
import { WilayahModule } from '@pilar/wilayah';
import { LakipReportService } from './lakip/lakip-report.service';
import { PpksCoverageReportService } from './ppks-coverage/ppks-coverage-report.service';
import { RenjaReportService } from './renja/renja-report.service';
import { ReportsService } from './reports.service';
import { SpmReportService } from './spm/spm-report.service';

/** Renja (Tabel 2.1), LAKIP, PPKS coverage and SPM reports, from the roll-up's figures. */
@Module({
  imports: [PlanningModule, RegistryModule, RollupModule, WilayahModule],
  providers: [
    RenjaReportService,
    PpksCoverageReportService,
    SpmReportService,
    LakipReportService,
    ReportsService,
  ],
  exports: [
    ReportsService,
    RenjaReportService,
    PpksCoverageReportService,
    SpmReportService,
    LakipReportService,
  ],
})
export class ReportsModule {}
