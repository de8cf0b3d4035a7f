import { ApiProperty } from '@nestjs/swagger';
import {
  CASE_STATUSES,
  CaseDetail,
  CaseDocumentKind,
  CaseStatus,
  CaseType,
  SocialCase,
} from '@pilar/casework';
import {
  ServiceEventResponse,
  toServiceEventResponse,
} from '../../service-events/dto/service-event.response';

export class CaseFamilyResponse {
  @ApiProperty({ description: 'Name of the family contact found.', example: 'Siti Aminah' })
  name: string;
  @ApiProperty({
    description: 'Relation to the person.',
    example: 'Ibu kandung',
    nullable: true,
    type: String,
  })
  relationship: string | null;
  @ApiProperty({
    description: "The family's desa, anywhere in Indonesia.",
    example: '35.78.01.1001',
  })
  desaKode: string;
  @ApiProperty({
    description: 'Address.',
    example: 'Jl. Kenjeran Gg. 3 No. 12',
    nullable: true,
    type: String,
  })
  alamat: string | null;
  @ApiProperty({
    description: 'Phone or other contact.',
    example: '0812-5555-0101',
    nullable: true,
    type: String,
  })
  contact: string | null;
  @ApiProperty({
    description: 'When the family was found.',
    example: '2026-11-20',
    nullable: true,
    type: String,
  })
  foundOn: string | null;
}

export class CaseSummaryResponse {
  @ApiProperty({ description: 'Case id.', example: '9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a' })
  id: string;
  @ApiProperty({
    description: 'Kind of case: REUNIFIKASI, AMPK, REHABILITASI or RUJUKAN.',
    example: 'REUNIFIKASI',
  })
  type: CaseType;
  @ApiProperty({
    description: 'The person the case is about.',
    example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  })
  beneficiaryId: string;
  @ApiProperty({
    description: "The person's desa when the case was opened.",
    example: '63.11.06.2005',
  })
  desaKode: string;
  @ApiProperty({
    description: 'What was reported.',
    example: 'Orang terlantar ditemukan di Terminal Paringin.',
  })
  summary: string;
  @ApiProperty({ description: 'Current status.', enum: CASE_STATUSES, example: 'REPORTED' })
  status: CaseStatus;
  @ApiProperty({
    description: 'The worker who handles it; null while unassigned.',
    example: null,
    nullable: true,
    type: String,
  })
  assignedTo: string | null;
  @ApiProperty({
    description: 'The panti, UPT or LKS the person was referred to.',
    example: null,
    nullable: true,
    type: String,
  })
  referredTo: string | null;
  @ApiProperty({ type: CaseFamilyResponse, nullable: true }) family: CaseFamilyResponse | null;
  @ApiProperty({
    description: 'The user who opened the case.',
    example: '5f1c1b7e-2f7a-4c55-9c53-1c7d5b8f0a11',
  })
  openedBy: string;
  @ApiProperty({ description: 'Optimistic-lock version.', example: 1 }) version: number;
  @ApiProperty({ description: 'When the case was opened.', example: '2026-11-24T03:15:00.000Z' })
  createdAt: string;
  @ApiProperty({ description: 'Last change.', example: '2026-11-24T03:15:00.000Z' })
  updatedAt: string;
}

export class CaseTransitionResponse {
  @ApiProperty({
    description: 'null for the opening.',
    enum: CASE_STATUSES,
    nullable: true,
    example: 'REPORTED',
  })
  from: CaseStatus | null;
  @ApiProperty({
    description: 'Status after the move.',
    enum: CASE_STATUSES,
    example: 'ASSESSMENT',
  })
  to: CaseStatus;
  @ApiProperty({
    description: 'Why, or what was done.',
    example: 'Asesmen awal oleh TKSK Paringin.',
  })
  note: string;
  @ApiProperty({
    description: 'Who made the move.',
    example: '5f1c1b7e-2f7a-4c55-9c53-1c7d5b8f0a11',
    nullable: true,
    type: String,
  })
  by: string | null;
  @ApiProperty({ description: 'When the move was made.', example: '2026-11-24T04:00:00.000Z' })
  at: string;
}

export class CaseDocumentResponse {
  @ApiProperty({
    description: 'Which document of the checklist.',
    example: 'SURAT_KETERANGAN_KEPOLISIAN',
  })
  kind: CaseDocumentKind;
  @ApiProperty({
    description: 'Nomor surat or document number.',
    example: 'SKL/123/XI/2026',
    nullable: true,
    type: String,
  })
  reference: string | null;
  @ApiProperty({ description: 'Who issued it.', example: 'Polres Balangan' }) issuedBy: string;
  @ApiProperty({
    description: 'Date of issue.',
    example: '2026-11-21',
    nullable: true,
    type: String,
  })
  issuedOn: string | null;
  @ApiProperty({
    description: 'Who recorded it.',
    example: '5f1c1b7e-2f7a-4c55-9c53-1c7d5b8f0a11',
    nullable: true,
    type: String,
  })
  recordedBy: string | null;
  @ApiProperty({ description: 'When it was recorded.', example: '2026-11-21T02:00:00.000Z' })
  recordedAt: string;
}

export class CaseRelayLegResponse {
  @ApiProperty({ description: 'Order of the leg, from 1.', example: 1 }) seq: number;
  @ApiProperty({
    description: 'The agency that received the person.',
    example: 'Dinas Sosial Kota Banjarmasin',
  })
  receivingAgency: string;
  @ApiProperty({ description: 'Its kabupaten/kota code.', example: '63.71' })
  receivingWilayahKode: string;
  @ApiProperty({ description: 'Date of the hand-over.', example: '2026-11-22' })
  handedOverOn: string;
  @ApiProperty({ description: 'Free text.', example: null, nullable: true, type: String }) note:
    string | null;
  @ApiProperty({ description: 'When the leg was recorded.', example: '2026-11-22T05:00:00.000Z' })
  recordedAt: string;
}

export class CaseResponse extends CaseSummaryResponse {
  @ApiProperty({
    description: 'Every move, oldest first; the opening is the first.',
    type: [CaseTransitionResponse],
  })
  transitions: CaseTransitionResponse[];
  @ApiProperty({
    description: 'Documents of the checklist recorded so far.',
    type: [CaseDocumentResponse],
  })
  documents: CaseDocumentResponse[];
  @ApiProperty({ type: [CaseRelayLegResponse] }) relayLegs: CaseRelayLegResponse[];
  @ApiProperty({ description: 'Services given within the case.', type: [ServiceEventResponse] })
  events: ServiceEventResponse[];
  @ApiProperty({
    description: 'Where the case may go next.',
    enum: CASE_STATUSES,
    isArray: true,
    example: ['ASSESSMENT', 'CLOSED'],
  })
  allowedTransitions: CaseStatus[];
}

export function toCaseSummaryResponse(c: SocialCase): CaseSummaryResponse {
  return {
    id: c.id,
    type: c.caseType,
    beneficiaryId: c.beneficiaryId,
    desaKode: c.desaKode,
    summary: c.summary,
    status: c.status,
    assignedTo: c.assignedTo,
    referredTo: c.referredTo,
    family:
      c.familyName !== null && c.familyDesaKode !== null
        ? {
            name: c.familyName,
            relationship: c.familyRelationship,
            desaKode: c.familyDesaKode,
            alamat: c.familyAlamat,
            contact: c.familyContact,
            foundOn: c.familyFoundOn,
          }
        : null,
    openedBy: c.openedBy,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function toCaseResponse(d: CaseDetail): CaseResponse {
  return {
    ...toCaseSummaryResponse(d.case),
    transitions: d.transitions.map((t) => ({
      from: t.fromStatus,
      to: t.toStatus,
      note: t.note,
      by: t.actorId,
      at: t.occurredAt.toISOString(),
    })),
    documents: d.documents.map((doc) => ({
      kind: doc.kind,
      reference: doc.reference,
      issuedBy: doc.issuedBy,
      issuedOn: doc.issuedOn,
      recordedBy: doc.recordedBy,
      recordedAt: doc.recordedAt.toISOString(),
    })),
    relayLegs: d.relayLegs.map((leg) => ({
      seq: leg.seq,
      receivingAgency: leg.receivingAgency,
      receivingWilayahKode: leg.receivingWilayahKode,
      handedOverOn: leg.handedOverOn,
      note: leg.note,
      recordedAt: leg.recordedAt.toISOString(),
    })),
    events: d.events.map(toServiceEventResponse),
    allowedTransitions: [...d.allowedTransitions],
  };
}
