import { isWithin } from '@pilar/wilayah';
import { IllegalTransition, TransitionRequirementsUnmet } from './cases.errors';

/** Work that spans weeks, as the Dinsos bidang Rehabilitasi Sosial runs it. */
export const CASE_TYPES = ['REUNIFIKASI', 'AMPK', 'REHABILITASI', 'RUJUKAN'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const CASE_STATUSES = [
  'REPORTED',
  'ASSESSMENT',
  'INTERVENTION',
  'REFERRED',
  'REUNIFIED',
  'MONITORING',
  'CLOSED',
  'REOPENED',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The documents a person returned to the family travels with (reunifikasi). */
export const CASE_DOCUMENT_KINDS = [
  'SURAT_PENGANTAR_DINSOS',
  'SURAT_KETERANGAN_KEPOLISIAN',
  'IDENTITAS',
] as const;
export type CaseDocumentKind = (typeof CASE_DOCUMENT_KINDS)[number];

/**
 * How an intervention may end, per type. A reunifikasi returns the person to the family or, when
 * the family cannot take them, refers them to a panti; a rujukan only refers; AMPK and
 * rehabilitasi may also go straight to monitoring when the help was given at home.
 */
const OUTCOMES: Record<CaseType, readonly CaseStatus[]> = {
  REUNIFIKASI: ['REUNIFIED', 'REFERRED'],
  AMPK: ['REUNIFIED', 'REFERRED', 'MONITORING'],
  REHABILITASI: ['REFERRED', 'MONITORING'],
  RUJUKAN: ['REFERRED'],
};

/**
 * REPORTED → ASSESSMENT → INTERVENTION → (outcome) → MONITORING → CLOSED, and CLOSED → REOPENED
 * → ASSESSMENT. A case may be closed before the intervention ends (report unfounded, person
 * died or left); the note says why.
 */
export function allowedTransitions(type: CaseType, from: CaseStatus): readonly CaseStatus[] {
  switch (from) {
    case 'REPORTED':
      return ['ASSESSMENT', 'CLOSED'];
    case 'ASSESSMENT':
      return ['INTERVENTION', 'CLOSED'];
    case 'INTERVENTION':
      return [...OUTCOMES[type], 'CLOSED'];
    case 'REFERRED':
    case 'REUNIFIED':
      return ['MONITORING'];
    case 'MONITORING':
      return ['CLOSED'];
    case 'CLOSED':
      return ['REOPENED'];
    case 'REOPENED':
      return ['ASSESSMENT'];
  }
}

/** What is known about a case when someone asks to move it. */
export interface CaseFacts {
  type: CaseType;
  status: CaseStatus;
  /** The desa of the family found (reunifikasi), or null while they are still being traced. */
  familyDesaKode: string | null;
  documents: readonly CaseDocumentKind[];
  /** Relay legs in order; the last one hands the person to the agency nearest the family. */
  relayLegs: readonly { receivingWilayahKode: string }[];
  /** The institution (panti, UPT, LKS) the person is referred to, when moving to REFERRED. */
  referredTo: string | null;
  /** The kabupaten this Dinas Sosial serves. */
  agencyKabupatenKode: string;
}

export interface UnmetRequirement {
  field: string;
  message: string;
}

const DOCUMENT_NAMES: Record<CaseDocumentKind, string> = {
  SURAT_PENGANTAR_DINSOS: 'the surat pengantar of the sending Dinas Sosial',
  SURAT_KETERANGAN_KEPOLISIAN: 'the surat keterangan kepolisian',
  IDENTITAS: 'an identity document',
};

/** What is still missing before the case may move to `to`; empty when nothing is. */
export function unmetRequirements(facts: CaseFacts, to: CaseStatus): UnmetRequirement[] {
  const unmet: UnmetRequirement[] = [];
  if (to === 'REFERRED' && !facts.referredTo) {
    unmet.push({ field: 'referredTo', message: 'name the institution the person is referred to' });
  }
  if (to === 'REUNIFIED' && facts.type === 'REUNIFIKASI') {
    if (!facts.familyDesaKode) {
      unmet.push({ field: 'family', message: 'record the family found and their desa first' });
    }
    for (const kind of CASE_DOCUMENT_KINDS) {
      if (!facts.documents.includes(kind)) {
        unmet.push({ field: `documents.${kind}`, message: `${DOCUMENT_NAMES[kind]} is missing` });
      }
    }
    // A family in another kabupaten is reached in relay: the last leg must hand the person to
    // the Dinas Sosial of the family's kabupaten.
    const family = facts.familyDesaKode;
    if (family && !isWithin(family, facts.agencyKabupatenKode)) {
      const last = facts.relayLegs[facts.relayLegs.length - 1];
      const familyKabupaten = family.slice(0, 5);
      if (last?.receivingWilayahKode.slice(0, 5) !== familyKabupaten) {
        unmet.push({
          field: 'relayLegs',
          message: `the family lives in kabupaten ${familyKabupaten}: record the relay leg that hands the person to its Dinas Sosial`,
        });
      }
    }
  }
  return unmet;
}

/**
 * Checks a requested transition: 409 ILLEGAL_TRANSITION when the type does not allow it from the
 * current status, 409 TRANSITION_REQUIREMENTS_UNMET naming what is missing otherwise.
 */
export function assertTransition(facts: CaseFacts, to: CaseStatus): void {
  const allowed = allowedTransitions(facts.type, facts.status);
  if (!allowed.includes(to)) throw new IllegalTransition(facts.type, facts.status, to, allowed);
  const unmet = unmetRequirements(facts, to);
  if (unmet.length) throw new TransitionRequirementsUnmet(to, unmet);
}
