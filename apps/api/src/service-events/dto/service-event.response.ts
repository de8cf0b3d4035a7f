import { ApiProperty } from '@nestjs/swagger';
import { ServiceEvent } from '@pilar/casework';
import { LocationDto } from './record-service-event.dto';

export class ServiceEventResponse {
  @ApiProperty({
    description: 'Service event id (client-generated UUID when one was sent).',
    example: '3b0f6a52-8d4e-4c1a-9f57-5c1e2d7a9b10',
  })
  id: string;
  @ApiProperty({ description: 'Service type.', example: 'PERMAKANAN' }) type: string;
  @ApiProperty({
    description: 'The person served; null when a household was.',
    example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    nullable: true,
    type: String,
  })
  beneficiaryId: string | null;
  @ApiProperty({
    description: 'The household served; null when a person was.',
    example: null,
    nullable: true,
    type: String,
  })
  householdId: string | null;
  @ApiProperty({
    description: 'The sub-kegiatan that paid.',
    example: '1.06.04.2.01.0001',
    nullable: true,
    type: String,
  })
  subKegiatanKode: string | null;
  @ApiProperty({ description: 'Date of the service.', example: '2026-11-24' }) date: string;
  @ApiProperty({ description: 'How many.', example: 5 }) quantity: number;
  @ApiProperty({
    description: 'Unit of the quantity.',
    example: 'paket',
    nullable: true,
    type: String,
  })
  unit: string | null;
  @ApiProperty({ description: 'Whole rupiah.', example: 250000 }) amount: number;
  @ApiProperty({ description: 'Desa where it was given.', example: '63.11.06.2005' })
  desaKode: string;
  @ApiProperty({
    description: 'The case this service belongs to.',
    example: null,
    nullable: true,
    type: String,
  })
  caseId: string | null;
  @ApiProperty({
    description: 'The disaster it answers (given or linked during tanggap darurat).',
    example: null,
    nullable: true,
    type: String,
  })
  disasterId: string | null;
  @ApiProperty({
    description: 'Free text.',
    example: 'Diterima oleh anak kandung.',
    nullable: true,
    type: String,
  })
  notes: string | null;
  @ApiProperty({ type: LocationDto, nullable: true }) location: LocationDto | null;
  @ApiProperty({ description: 'Who recorded it.', example: '5f1c1b7e-2f7a-4c55-9c53-1c7d5b8f0a11' })
  recordedBy: string;
  @ApiProperty({ description: 'When it was recorded.', example: '2026-11-24T03:15:00.000Z' })
  recordedAt: string;
  @ApiProperty({ description: 'Voided events stay, out of every figure.', example: false })
  voided: boolean;
  @ApiProperty({
    description: 'When it was voided; null while it counts.',
    example: null,
    nullable: true,
    type: String,
  })
  voidedAt: string | null;
  @ApiProperty({ description: 'Who voided it.', example: null, nullable: true, type: String })
  voidedBy: string | null;
  @ApiProperty({ description: 'Why it was voided.', example: null, nullable: true, type: String })
  voidReason: string | null;
}

export function toServiceEventResponse(e: ServiceEvent): ServiceEventResponse {
  return {
    id: e.id,
    type: e.serviceType,
    beneficiaryId: e.beneficiaryId,
    householdId: e.householdId,
    subKegiatanKode: e.subKegiatanKode,
    date: e.eventDate,
    quantity: Number(e.quantity),
    unit: e.unit,
    amount: Number(e.amount),
    desaKode: e.desaKode,
    caseId: e.caseId,
    disasterId: e.disasterId,
    notes: e.notes,
    location:
      e.locationLat === null || e.locationLon === null
        ? null
        : { lat: e.locationLat, lon: e.locationLon },
    recordedBy: e.recordedBy,
    recordedAt: e.recordedAt.toISOString(),
    voided: e.voidedAt !== null,
    voidedAt: e.voidedAt?.toISOString() ?? null,
    voidedBy: e.voidedBy,
    voidReason: e.voidReason,
  };
}
