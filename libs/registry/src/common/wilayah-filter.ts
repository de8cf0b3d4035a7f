/**
 * A SQL condition keeping `column` (a dotted wilayah code) within `kode`, at any level
 * (provinsi `63` … desa `63.11.06.2005`), for TypeORM query builders.
 */
export function withinWilayah(
  column: string,
  kode: string,
  param = 'wilayahKode',
): [string, Record<string, string>] {
  return [
    `(${column} = :${param} OR ${column} LIKE :${param}Prefix)`,
    { [param]: kode, [`${param}Prefix`]: `${kode}.%` },
  ];
}
