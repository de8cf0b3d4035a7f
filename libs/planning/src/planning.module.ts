import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IndicatorDefinitionValidator } from './indicators/indicator-definition.validator';
import {
  IndicatorManualValue,
  IndicatorRenstraTarget,
  IndicatorTarget,
} from './indicators/indicator-target.entity';
import { IndicatorTargetsService } from './indicators/indicator-targets.service';
import { Indicator } from './indicators/indicator.entity';
import { IndicatorsService } from './indicators/indicators.service';
import { Nomenclature } from './nomenclature/nomenclature.entity';
import { NomenclatureService } from './nomenclature/nomenclature.service';
import { ReferenceCodes } from './reference-codes';
import { CopyRenjaUseCase } from './renja/copy-renja.use-case';
import { ImportRenjaUseCase } from './renja/import/import-renja.use-case';
import { RenjaSubKegiatan } from './renja/renja-sub-kegiatan.entity';
import { RenjaService } from './renja/renja.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Nomenclature,
      RenjaSubKegiatan,
      Indicator,
      IndicatorTarget,
      IndicatorRenstraTarget,
      IndicatorManualValue,
    ]),
  ],
  providers: [
    NomenclatureService,
    ReferenceCodes,
    RenjaService,
    CopyRenjaUseCase,
    ImportRenjaUseCase,
    IndicatorDefinitionValidator,
    IndicatorsService,
    IndicatorTargetsService,
  ],
  exports: [
    NomenclatureService,
    RenjaService,
    CopyRenjaUseCase,
    ImportRenjaUseCase,
    IndicatorsService,
    IndicatorTargetsService,
  ],
})
export class PlanningModule {}
