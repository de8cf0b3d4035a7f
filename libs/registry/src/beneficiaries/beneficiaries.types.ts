import type { DtksMembership } from '../households/households.types';
import type { NewPpksClassification } from '../ppks/ppks-classification.writer';
import type {
  BeneficiaryStatus,
  NikStatus,
  Relationship,
  SettableStatus,
  Sex,
} from '../registry.types';

export interface NewBeneficiary {
  /** Optional: many PPKS have none yet; it can be added later. */
  nik?: string | null;
  /** The family card: joins that household, or registers it. */
  noKk?: string | null;
  householdId?: string | null;
  relationship?: Relationship | null;
  name: string;
  sex: Sex;
  birthDate: string;
  birthPlace?: string | null;
  desaKode: string;
  alamat?: string | null;
  ppks?: NewPpksClassification[];
  /** DTKS membership of the person's family (recorded on the household). */
  dtks?: DtksMembership;
}

export interface BeneficiaryChanges {
  /** The version the caller read: a stale one is 409 STALE_VERSION. */
  version: number;
  nik?: string | null;
  name?: string;
  sex?: Sex;
  birthDate?: string;
  birthPlace?: string | null;
  desaKode?: string;
  alamat?: string | null;
  householdId?: string | null;
  relationship?: Relationship | null;
  status?: SettableStatus;
  diedOn?: string | null;
}

export interface BeneficiaryQuery {
  /** Fuzzy name (trigram similarity), best matches first. */
  q?: string;
  /** How similar a name must be to `q` (0.3–1); default NAME_MIN_SIMILARITY. */
  minSimilarity?: number;
  nik?: string;
  noKk?: string;
  /** Holds this PPKS type today (personally or through the household). */
  ppks?: string;
  /** Provinsi, kabupaten, kecamatan or desa code. */
  wilayahKode?: string;
  dtks?: boolean;
  status?: BeneficiaryStatus;
  nikStatus?: NikStatus;
  householdId?: string;
  limit: number;
  cursor?: string;
}
