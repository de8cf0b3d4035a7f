import { maskIdentityNumber } from '../nik/nik';
import type { BeneficiaryStatus, NikStatus, Relationship, Sex } from '../registry.types';

/** A person as lists show them: NIK and KK number masked (`6311********0001`). */
export interface BeneficiaryListItem {
  id: string;
  nik: string | null;
  nikStatus: NikStatus;
  name: string;
  sex: Sex;
  birthDate: string;
  desaKode: string;
  householdId: string | null;
  noKk: string | null;
  relationship: Relationship | null;
  status: BeneficiaryStatus;
  version: number;
}

/** The columns a list reads, from `beneficiary b LEFT JOIN household h`. */
export const LIST_ITEM_COLUMNS = [
  'b.id AS id',
  'b.nik AS nik',
  'b.name AS name',
  'b.sex AS sex',
  "to_char(b.birth_date, 'YYYY-MM-DD') AS birth_date",
  'b.desa_kode AS desa_kode',
  'b.household_id AS household_id',
  'h.no_kk AS no_kk',
  'b.relationship AS relationship',
  'b.status AS status',
  'b.version AS version',
];

export interface ListItemRow {
  id: string;
  nik: string | null;
  name: string;
  sex: Sex;
  birth_date: string;
  desa_kode: string;
  household_id: string | null;
  no_kk: string | null;
  relationship: Relationship | null;
  status: BeneficiaryStatus;
  version: number;
}

/** Maps a raw row, masking the identity numbers: full NIKs never leave a list. */
export function toListItem(row: ListItemRow): BeneficiaryListItem {
  return {
    id: row.id,
    nik: maskIdentityNumber(row.nik),
    nikStatus: row.nik === null ? 'NONE' : 'VALID',
    name: row.name,
    sex: row.sex,
    birthDate: row.birth_date,
    desaKode: row.desa_kode,
    householdId: row.household_id,
    noKk: maskIdentityNumber(row.no_kk),
    relationship: row.relationship,
    status: row.status,
    version: Number(row.version),
  };
}
