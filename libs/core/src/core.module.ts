import { Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { JobsModule } from './jobs/jobs.module';
import { LoggingModule } from './logging/logging.module';
import { QueueModule } from './queue/queue.module';

/** Config, logging, database, queue and job runs: what every Pilar process needs. */
@Module({
  imports: [ConfigModule, LoggingModule, DatabaseModule, QueueModule, JobsModule],
  exports: [ConfigModule, QueueModule, JobsModule],
})
export class CoreModule {}
