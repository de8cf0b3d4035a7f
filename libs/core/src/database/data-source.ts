import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './naming-strategy';

/**
 * The one set of DataSource options, used by the Nest apps (which add their entities) and by
 * the migration CLI. `synchronize` is never on: the schema comes from migrations only.
 */
export function dataSourceOptions(
  url: string,
  extra: Partial<DataSourceOptions> = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    // bigint (rupiah) arrives as string; entities map it explicitly.
    parseInt8: false,
    // Connections opened stay open (min = max): pg-pool closes one after 10 s idle by default,
    // and the next burst of requests paid for new backends and for preparing their statements
    // again. In `npm run bench casework`, whose API rounds follow idle ones, the p99.9 of
    // POST /service-events per round was 249–638 ms with the default, 72–129 ms with the pool kept.
    extra: { max: 10, min: 10, application_name: 'pilar' },
    ...extra,
  } as DataSourceOptions;
}

export function createDataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url));
}
