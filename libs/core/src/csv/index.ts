export * from './csv-records';
export * from './csv-rows';
export * from './read-csv-file';
