export * from './test-app';
export * from './test-config';
export * from './test-database';
