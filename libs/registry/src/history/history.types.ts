import type { DataSource, EntityManager } from 'typeorm';

/** One line of a person's history: a PPKS period starting or ending, a service, a case step. */
export interface HistoryEntry {
  /** The day it happened (YYYY-MM-DD); the history is in this order. */
  date: string;
  /** What happened: PPKS_START, PPKS_END, and whatever registered sources add (SERVICE, …). */
  type: string;
  /** The record the entry comes from, so a client can open it. */
  ref: { entity: string; id: string };
  /** One line for people: "Lanjut Usia Terlantar (DTKS, VERIFIED)". */
  summary: string;
  /** Source-specific facts (PPKS kode, service type, amount…). */
  details: Record<string, unknown>;
}

/**
 * Something that contributes to a person's history. Casework registers its service events and
 * cases with BeneficiaryHistoryService.registerSource() when its module starts.
 */
export interface BeneficiaryHistorySource {
  entries(m: EntityManager | DataSource, beneficiaryId: string): Promise<HistoryEntry[]>;
}
