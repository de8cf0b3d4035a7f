export * from './job-file.store';
export * from './job-run.entity';
export * from './job-runs.service';
export * from './jobs.module';
export * from './file-import.service';
