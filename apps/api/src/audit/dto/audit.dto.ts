import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AuditEntry } from '@pilar/audit';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/list.dto';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Entity type.', example: 'user' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entity?: string;

  @ApiPropertyOptional({
    description: 'Entity id.',
    example: '5f1c1b7e-2f7a-4c55-9c53-1c7d5b8f0a11',
  })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  entityId?: string;

  @ApiPropertyOptional({
    description: 'Actor (user id).',
    example: '5f1c1b7e-2f7a-4c55-9c53-1c7d5b8f0a11',
  })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page.', example: '1234' })
  @IsOptional()
  @Matches(/^\d+$/)
  declare cursor?: string;
}

export class AuditEntryResponse {
  @ApiProperty({ description: 'Audit entry id (entries are numbered in order).', example: '1234' })
  id: string;
  @ApiProperty({ description: 'When it happened.', example: '2026-11-25T03:00:00.000Z' })
  occurredAt: string;
  @ApiProperty({
    description: 'The user who acted; null for system jobs (seed, worker).',
    example: '5f1c1b7e-2f7a-4c55-9c53-1c7d5b8f0a11',
    nullable: true,
    type: String,
  })
  actorId: string | null;
  @ApiProperty({
    description: "The actor's role at the time; null for system jobs.",
    example: 'ADMIN',
    nullable: true,
    type: String,
  })
  actorRole: string | null;
  @ApiProperty({ description: 'What happened.', example: 'user.update' }) action: string;
  @ApiProperty({ description: 'Entity type acted on.', example: 'user' }) entity: string;
  @ApiProperty({
    description: 'Id of that entity.',
    example: '5f1c1b7e-2f7a-4c55-9c53-1c7d5b8f0a11',
  })
  entityId: string;
  @ApiProperty({
    description: 'Changed fields with before/after.',
    example: { active: { before: true, after: false } },
    nullable: true,
  })
  changes: Record<string, { before: unknown; after: unknown }> | null;
  @ApiProperty({
    description: 'Correlation id of the HTTP request (x-request-id); null outside a request.',
    example: '0b6c1f0e-6f8e-4a53-9d43-1f3c1d0b9d1e',
    nullable: true,
    type: String,
  })
  requestId: string | null;
  @ApiProperty({
    description: 'Client IP address; null outside a request.',
    example: '10.0.0.12',
    nullable: true,
    type: String,
  })
  ip: string | null;
}

export const toAuditEntryResponse = (e: AuditEntry): AuditEntryResponse => ({
  id: e.id,
  occurredAt: e.occurredAt.toISOString(),
  actorId: e.actorId,
  actorRole: e.actorRole,
  action: e.action,
  entity: e.entity,
  entityId: e.entityId,
  changes: e.changes,
  requestId: e.requestId,
  ip: e.ip,
});
