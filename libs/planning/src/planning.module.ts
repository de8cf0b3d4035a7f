import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Nomenclature } from './nomenclature/nomenclature.entity';
import { NomenclatureService } from './nomenclature/nomenclature.service';

@Module({
  imports: [TypeOrmModule.forFeature([Nomenclature])],
  providers: [NomenclatureService],
  exports: [NomenclatureService],
})
export class PlanningModule {}
