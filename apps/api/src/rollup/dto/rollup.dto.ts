import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { RollupStatus } from '@pilar/rollup';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class RebuildRollupDto {
  @ApiPropertyOptional({
    description: 'The fiscal year to recompute; every year when omitted.',
    example: 2022,
  })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class RebuildAcceptedResponse {
  @ApiProperty({
    description: 'The rebuild job; follow it at GET /jobs/{jobId}.',
    example: '0b6c1f0e-6f8e-4a53-9d43-1f3c1d0b9d1e',
  })
  jobId: string;
}

export class RollupStatusResponse {
  @ApiProperty({ description: 'Recorded changes not yet in the figures.', example: 3 })
  pending: number;

  @ApiProperty({
    description: 'When the roll-up last applied changes.',
    example: '2026-11-25T03:00:04.000Z',
    nullable: true,
    type: String,
  })
  lastRunAt: string | null;

  @ApiProperty({
    description: 'Age in seconds of the oldest change not yet in the figures (0: up to date).',
    example: 0.4,
  })
  lagSeconds: number;

  @ApiProperty({
    description: 'Every change recorded before this instant is in the figures.',
    example: '2026-11-25T03:00:04.000Z',
  })
  asOf: string;
}

export function toRollupStatusResponse(status: RollupStatus): RollupStatusResponse {
  return {
    pending: status.pending,
    lastRunAt: status.lastRunAt?.toISOString() ?? null,
    lagSeconds: status.lagSeconds,
    asOf: status.asOf.toISOString(),
  };
}
