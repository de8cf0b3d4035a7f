import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PpksType } from './ppks-types/ppks-type.entity';
import { PpksTypesService } from './ppks-types/ppks-types.service';

@Module({
  imports: [TypeOrmModule.forFeature([PpksType])],
  providers: [PpksTypesService],
  exports: [PpksTypesService],
})
export class RegistryModule {}
