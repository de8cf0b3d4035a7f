import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WilayahModule } from '@pilar/wilayah';
import { Beneficiary } from './beneficiaries/beneficiary.entity';
import { BeneficiariesService } from './beneficiaries/beneficiaries.service';
import { BeneficiarySearchService } from './beneficiaries/beneficiary-search.service';
import { BeneficiaryMergeService } from './duplicates/beneficiary-merge.service';
import { LikelyDuplicatesService } from './duplicates/likely-duplicates.service';
import { PpksPeriodsMerger } from './duplicates/ppks-periods.merger';
import { BeneficiaryHistoryService } from './history/beneficiary-history.service';
import { Household } from './households/household.entity';
import { HouseholdDirectoryService } from './households/household-directory.service';
import { HouseholdsService } from './households/households.service';
import { BeneficiaryImportService } from './imports/beneficiary-import.service';
import { IdentityNumbersService } from './nik/identity-numbers.service';
import { PpksClassification } from './ppks/ppks-classification.entity';
import { PpksClassificationWriter } from './ppks/ppks-classification.writer';
import { PpksClassificationsService } from './ppks/ppks-classifications.service';
import { PpksType } from './ppks-types/ppks-type.entity';
import { PpksTypesService } from './ppks-types/ppks-types.service';

const EXPORTED = [
  PpksTypesService,
  IdentityNumbersService,
  HouseholdsService,
  HouseholdDirectoryService,
  BeneficiariesService,
  BeneficiarySearchService,
  PpksClassificationsService,
  BeneficiaryHistoryService,
  LikelyDuplicatesService,
  BeneficiaryMergeService,
  BeneficiaryImportService,
];

@Module({
  imports: [
    TypeOrmModule.forFeature([PpksType, Household, Beneficiary, PpksClassification]),
    WilayahModule,
  ],
  providers: [...EXPORTED, PpksClassificationWriter, PpksPeriodsMerger],
  exports: EXPORTED,
})
export class RegistryModule {}
