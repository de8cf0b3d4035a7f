export * from './casework.module';
export * from './service-types/service-type.entity';
export * from './service-types/service-types.seed';
export * from './service-types/service-types.service';
