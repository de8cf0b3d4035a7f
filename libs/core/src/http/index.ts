export * from './upload';
export * from './body-parsing';
export * from './cursor';
