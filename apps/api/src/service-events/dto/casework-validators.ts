import { ValidateBy, ValidationOptions } from 'class-validator';

/** YYYY-MM-DD; whether it is a real day and not in the future is the service's to say. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const ISO_DATE_MESSAGE = 'must be a date written YYYY-MM-DD';
export const DESA_KODE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;
export const DESA_KODE_MESSAGE = 'must be a desa code such as 63.11.06.2005';
export const KABUPATEN_KODE = /^\d{2}\.\d{2}$/;
/** Any level of the region tree: 63, 63.11, 63.11.06, 63.11.06.2005. */
export const WILAYAH_KODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;
/** Reference codes (service types, PPKS types): upper case and underscores. */
export const REFERENCE_KODE = /^[A-Z][A-Z_]{1,63}$/;
/** A budget nomenclature code, dotted or space-separated (parsed by the service). */
export const NOMENCLATURE_KODE = /^[0-9][0-9. ]{0,31}$/;

/** Rupiah: a whole number JSON can carry exactly. */
export function IsRupiah(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isRupiah',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' && Number.isSafeInteger(value) && value >= 0,
        defaultMessage: () => 'must be a whole number of rupiah, 0 or more',
      },
    },
    options,
  );
}
