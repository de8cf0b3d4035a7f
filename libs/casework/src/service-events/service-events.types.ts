import type { FieldError } from '@pilar/core';
import type { ServiceEvent } from './service-event.entity';

/** A service as a client reports it (POST /service-events, one item of a batch). */
export interface ServiceEventInput {
  /** Client-generated UUID: a retry with the same id and payload is answered, not recorded twice. */
  id?: string;
  type: string;
  beneficiaryId?: string;
  householdId?: string;
  /** Required unless the type is KUNJUNGAN; must be in the Renja of the event's year. */
  subKegiatanKode?: string;
  /** YYYY-MM-DD in the agency's time zone, not in the future. */
  date: string;
  quantity?: number;
  unit?: string;
  /** Whole rupiah, ≥ 0. */
  amount?: number;
  /** Defaults to the recipient's desa. */
  desaKode?: string;
  caseId?: string;
  disasterId?: string;
  notes?: string;
  location?: { lat: number; lon: number };
}

/** What is stored, once every reference is checked and every default applied. */
export interface ResolvedServiceEvent {
  serviceType: string;
  beneficiaryId: string | null;
  householdId: string | null;
  subKegiatanKode: string | null;
  eventDate: string;
  quantity: number;
  unit: string | null;
  amount: number;
  /** Given by the client; otherwise null, and the insert takes the recipient's desa. */
  desaKode: string | null;
  caseId: string | null;
  /** Given by the client; otherwise the server links the disaster whose window covers it. */
  disasterId: string | null;
  notes: string | null;
  locationLat: number | null;
  locationLon: number | null;
}

export interface RecordedServiceEvent {
  event: ServiceEvent;
  /** false when this was a replay of an event recorded before (answered 200, not 201). */
  created: boolean;
}

/** One item of a field sync, as the API layer hands it over after validating its shape. */
export type BatchItem = { input: ServiceEventInput } | { id: string | null; errors: FieldError[] };

export type BatchItemStatus = 'CREATED' | 'DUPLICATE' | 'REJECTED';

export interface BatchItemResult {
  id: string | null;
  status: BatchItemStatus;
  /** The error code of a REJECTED item (VALIDATION_FAILED, BENEFICIARY_NOT_FOUND, …). */
  code?: string;
  errors?: FieldError[];
}

export interface ServiceEventQuery {
  beneficiaryId?: string;
  householdId?: string;
  /** A sub-kegiatan, or a kegiatan/program for everything under it. */
  subKegiatanKode?: string;
  type?: string;
  from?: string;
  to?: string;
  wilayahKode?: string;
  recordedBy?: string;
  caseId?: string;
  disasterId?: string;
  limit: number;
  cursor?: string;
}
