/** Who a user is in the agency; decides what they may do and see. */
export enum Role {
  /** Users, reference data, everything an OPERATOR does. */
  Admin = 'ADMIN',
  /** Dinsos staff: the whole kabupaten. */
  Operator = 'OPERATOR',
  /** Tenaga Kesejahteraan Sosial Kecamatan: one kecamatan. */
  Tksk = 'TKSK',
  /** Pekerja Sosial Masyarakat: one desa. */
  Psm = 'PSM',
  /** Kepala Dinas, Kabid: read-only aggregates, no personal data. */
  Pimpinan = 'PIMPINAN',
}

export const ALL_ROLES = Object.values(Role);
/** Roles that work with personal data (everyone but PIMPINAN). */
export const CASEWORK_ROLES = [Role.Admin, Role.Operator, Role.Tksk, Role.Psm];
/** Roles that maintain agency-wide data. */
export const STAFF_ROLES = [Role.Admin, Role.Operator];
