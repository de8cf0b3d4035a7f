import { ApiProperty } from '@nestjs/swagger';
import { Disaster, DisasterJenis, DisasterVictim, DisasterWithCounts } from '@pilar/casework';

export class VictimCountsResponse {
  @ApiProperty({ description: 'Persons registered as victims.', example: 200 }) jiwa: number;
  @ApiProperty({ description: 'Distinct households among them.', example: 57 }) kk: number;
}

export class DisasterResponse {
  @ApiProperty({ description: 'Disaster id.', example: '2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b' })
  id: string;
  @ApiProperty({ description: 'Name of the event.', example: 'Banjir Paringin November 2026' })
  name: string;
  @ApiProperty({ description: 'Jenis: ALAM or SOSIAL.', enum: ['ALAM', 'SOSIAL'], example: 'ALAM' })
  type: DisasterJenis;
  @ApiProperty({ description: 'First day.', example: '2026-11-10' }) startDate: string;
  @ApiProperty({ description: 'Last day of the masa tanggap darurat.', example: '2026-11-24' })
  emergencyEndDate: string;
  @ApiProperty({
    description: 'Where: the kabupaten, a kecamatan or a desa of it.',
    example: '63.11.06',
  })
  wilayahKode: string;
  @ApiProperty({ type: VictimCountsResponse, required: false }) victims?: VictimCountsResponse;
  @ApiProperty({ description: 'When it was recorded.', example: '2026-11-10T01:00:00.000Z' })
  createdAt: string;
}

export class VictimResponse {
  @ApiProperty({ description: 'The disaster.', example: '2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b' })
  disasterId: string;
  @ApiProperty({
    description: 'The victim (korban) in the registry.',
    example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  })
  beneficiaryId: string;
  @ApiProperty({
    description: 'Their household, if any.',
    example: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
    nullable: true,
    type: String,
  })
  householdId: string | null;
  @ApiProperty({ description: 'Desa of residence.', example: '63.11.06.2005' }) desaKode: string;
  @ApiProperty({
    description: 'When the victim was registered.',
    example: '2026-11-11T02:00:00.000Z',
  })
  registeredAt: string;
}

export class RegisteredVictimsResponse {
  @ApiProperty({ description: 'How many were registered.', example: 200 }) count: number;
  @ApiProperty({ type: [VictimResponse] }) victims: VictimResponse[];
}

export function toDisasterResponse(
  d: Disaster,
  counts?: DisasterWithCounts['victims'],
): DisasterResponse {
  return {
    id: d.id,
    name: d.name,
    type: d.jenis,
    startDate: d.startDate,
    emergencyEndDate: d.emergencyEndDate,
    wilayahKode: d.wilayahKode,
    victims: counts,
    createdAt: d.createdAt.toISOString(),
  };
}

export function toVictimResponse(v: DisasterVictim): VictimResponse {
  return {
    disasterId: v.disasterId,
    beneficiaryId: v.beneficiaryId,
    householdId: v.householdId,
    desaKode: v.desaKode,
    registeredAt: v.registeredAt.toISOString(),
  };
}
