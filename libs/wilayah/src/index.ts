export * from './wilayah-kode';
export * from './wilayah.entity';
export * from './wilayah.module';
export * from './wilayah.seed';
export * from './wilayah.service';
