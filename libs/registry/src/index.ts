export * from './ppks-types/ppks-type.entity';
export * from './ppks-types/ppks-types.seed';
export * from './ppks-types/ppks-types.service';
export * from './registry.module';
