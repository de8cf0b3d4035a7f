import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FileImportService } from './file-import.service';
import { JobFileStore } from './job-file.store';
import { JobRun } from './job-run.entity';
import { JobRunsService } from './job-runs.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([JobRun])],
  providers: [JobRunsService, JobFileStore, FileImportService],
  exports: [JobRunsService, JobFileStore, FileImportService],
})
export class JobsModule {}
