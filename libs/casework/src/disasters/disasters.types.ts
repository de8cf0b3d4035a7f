import type { Disaster, DisasterJenis } from './disaster.entity';
import type { DisasterVictim } from './disaster-victim.entity';

export interface NewDisaster {
  name: string;
  jenis: DisasterJenis;
  startDate: string;
  emergencyEndDate: string;
  wilayahKode: string;
}

/** A victim registered on the spot: often without NIK, sometimes without a known birth date. */
export interface VictimPerson {
  nik?: string;
  name: string;
  sex: 'L' | 'P';
  birthDate: string;
  birthPlace?: string;
  /** For household members, defaults to the household's desa. */
  desaKode?: string;
  alamat?: string;
  relationship?: string;
}

/** A family registered together: by its KK when it has one, as a new household otherwise. */
export interface VictimHousehold {
  noKk?: string;
  desaKode: string;
  alamat?: string;
  members: VictimPerson[];
}

export interface VictimRegistration {
  people?: VictimPerson[];
  households?: VictimHousehold[];
}

export interface DisasterWithCounts {
  disaster: Disaster;
  /** Victims registered: persons (jiwa) and the distinct households they belong to (KK). */
  victims: { jiwa: number; kk: number };
}

export interface RegisteredVictim {
  victim: DisasterVictim;
  /** false when the person was already a victim of this disaster (answered 200). */
  created: boolean;
}

export interface DisasterQuery {
  jenis?: DisasterJenis;
  /** Only disasters whose tanggap darurat covers this date. */
  activeOn?: string;
  limit: number;
  cursor?: string;
}
