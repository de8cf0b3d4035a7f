export * from './upload';
export * from './body-parsing';
