import { isCalendarDate } from '@pilar/core';
import { RELATIONSHIPS } from '@pilar/registry';
import { ValidateBy, ValidationOptions } from 'class-validator';

/** A real calendar date written YYYY-MM-DD (31-02 is refused). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value),
        defaultMessage: () => 'must be a real date written YYYY-MM-DD',
      },
    },
    options,
  );
}

export const DESA_KODE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;
export const DESA_KODE_MESSAGE = 'must be a desa code such as 63.11.06.2005';
/** Any level of the region tree: 63, 63.11, 63.11.06, 63.11.06.2005. */
export const WILAYAH_KODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;
export const SIXTEEN_DIGITS = /^\d{16}$/;
export const PPKS_KODE = /^[A-Z_]{3,60}$/;
export { RELATIONSHIPS };
