export * from './exact-decimal';
export * from './indonesian-format';
export * from './percentages';
export * from './predikat';
