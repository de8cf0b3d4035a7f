export * from './job-handler';
export * from './queue.catalogue';
export * from './queue.module';
export * from './queue.service';
export * from './redis';
