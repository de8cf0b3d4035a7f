export * from './audit-entry.entity';
export * from './audit-log.service';
export * from './audit.module';
export * from './audit.service';
export * from './audit-insert.sql';
