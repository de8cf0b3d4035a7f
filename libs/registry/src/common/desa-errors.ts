import { FieldError } from '@pilar/core';
import { tingkatOf, WilayahService } from '@pilar/wilayah';

/** Why `kode` is not an existing desa, as a field error, or none. */
export async function desaErrors(
  wilayah: WilayahService,
  kode: string,
  field = 'desaKode',
): Promise<FieldError[]> {
  if (tingkatOf(kode) !== 'DESA') {
    return [{ field, message: `${kode} is not a desa code (such as 63.11.06.2005)` }];
  }
  const found = await wilayah.existing([kode]);
  return found.has(kode) ? [] : [{ field, message: `desa ${kode} does not exist` }];
}
