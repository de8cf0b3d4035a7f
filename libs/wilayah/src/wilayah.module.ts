import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Wilayah } from './wilayah.entity';
import { WilayahService } from './wilayah.service';

@Module({
  imports: [TypeOrmModule.forFeature([Wilayah])],
  providers: [WilayahService],
  exports: [WilayahService],
})
export class WilayahModule {}
