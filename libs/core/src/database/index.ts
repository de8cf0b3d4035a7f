export * from './data-source';
export * from './database.module';
export * from './migrator';
export * from './naming-strategy';
export * from './sql';
export * from './upsert';
