export * from './nomenclature/nomenclature-kode';
export * from './nomenclature/nomenclature.entity';
export * from './nomenclature/nomenclature.seed';
export * from './nomenclature/nomenclature.service';
export * from './planning.module';
