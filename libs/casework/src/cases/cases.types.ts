import type { ServiceEvent } from '../service-events/service-event.entity';
import type { CaseDocument } from './case-document.entity';
import type { SocialCase } from './case.entity';
import type { CaseRelayLeg } from './case-relay-leg.entity';
import type { CaseDocumentKind, CaseStatus, CaseType } from './case-state-machine';
import type { CaseTransition } from './case-transition.entity';

export interface OpenCaseInput {
  /** Client-generated UUID (idempotency), as for service events. */
  id?: string;
  type: CaseType;
  beneficiaryId: string;
  summary: string;
  assignedTo?: string;
}

export interface TransitionInput {
  to: CaseStatus;
  note: string;
  /** Required when moving to REFERRED: the panti, UPT or LKS. */
  referredTo?: string;
  /** The version the caller read; a stale one is 409 STALE_VERSION. */
  version?: number;
}

export interface FamilyInput {
  name: string;
  relationship?: string;
  /** The family's desa, anywhere in Indonesia. */
  desaKode: string;
  alamat?: string;
  contact?: string;
  foundOn?: string;
}

export interface CaseDocumentInput {
  reference?: string;
  issuedBy: string;
  issuedOn?: string;
}

export interface RelayLegInput {
  receivingAgency: string;
  /** The kabupaten/kota of the receiving agency. */
  receivingWilayahKode: string;
  handedOverOn: string;
  note?: string;
}

/** A case with everything GET /cases/{id} shows. */
export interface CaseDetail {
  case: SocialCase;
  transitions: CaseTransition[];
  documents: CaseDocument[];
  relayLegs: CaseRelayLeg[];
  events: ServiceEvent[];
  /** Where the case may go next, for its type and status. */
  allowedTransitions: readonly CaseStatus[];
}

export interface OpenedCase {
  detail: CaseDetail;
  /** false when this was a replay of a case opened before (200, not 201). */
  created: boolean;
}

export interface CaseQuery {
  beneficiaryId?: string;
  status?: CaseStatus;
  type?: CaseType;
  assignedTo?: string;
  limit: number;
  cursor?: string;
}

export type { CaseDocumentKind };
