import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ServiceType } from './service-types/service-type.entity';
import { ServiceTypesService } from './service-types/service-types.service';

@Module({
  imports: [TypeOrmModule.forFeature([ServiceType])],
  providers: [ServiceTypesService],
  exports: [ServiceTypesService],
})
export class CaseworkModule {}
