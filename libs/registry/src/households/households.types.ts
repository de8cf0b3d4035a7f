import type { NewPpksClassification } from '../ppks/ppks-classification.writer';

/** DTKS membership of a family (desil ranks families, so it lives on the household). */
export interface DtksMembership {
  registered: boolean;
  dtksId?: string | null;
  desil?: number | null;
  verifiedOn?: string | null;
}

export interface NewHousehold {
  noKk?: string | null;
  desaKode: string;
  alamat?: string | null;
  dtks?: DtksMembership;
  /** Family-level PPKS (types counted in KK). */
  ppks?: NewPpksClassification[];
}

export interface HouseholdChanges {
  version: number;
  noKk?: string | null;
  desaKode?: string;
  alamat?: string | null;
  dtks?: DtksMembership;
}

export interface HouseholdQuery {
  noKk?: string;
  wilayahKode?: string;
  dtks?: boolean;
  limit: number;
  cursor?: string;
}

/** A household as lists show it: the KK number masked. */
export interface HouseholdListItem {
  id: string;
  noKk: string | null;
  desaKode: string;
  alamat: string | null;
  dtksRegistered: boolean;
  desil: number | null;
  memberCount: number;
  version: number;
}
