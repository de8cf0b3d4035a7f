import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BatchItem, BatchItemStatus, MAX_BATCH_EVENTS } from '@pilar/casework';
import { flattenValidationErrors } from '@pilar/core';
import { plainToInstance } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, validateSync } from 'class-validator';
import { FieldErrorDto } from '../../common/problem.dto';
import { RecordServiceEventDto } from './record-service-event.dto';

export class ServiceEventBatchDto {
  @ApiProperty({
    description: `Up to ${MAX_BATCH_EVENTS} events, each shaped like POST /service-events and with its own id. Each is validated on its own: a bad one is REJECTED, the others go on.`,
    type: [RecordServiceEventDto],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_EVENTS)
  @IsObject({ each: true })
  events: Record<string, unknown>[];
}

/**
 * Validates each item as the global pipe validates a single POST, so one malformed event is
 * rejected alone instead of failing the whole sync.
 */
export function toBatchItems(events: Record<string, unknown>[]): BatchItem[] {
  return events.map((raw) => {
    const dto = plainToInstance(RecordServiceEventDto, raw);
    const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length === 0) return { input: dto };
    return {
      id: typeof raw.id === 'string' ? raw.id.toLowerCase() : null,
      errors: flattenValidationErrors(errors),
    };
  });
}

export class BatchItemResultDto {
  @ApiProperty({
    description: 'The event id (null when the item had none).',
    example: '3b0f6a52-8d4e-4c1a-9f57-5c1e2d7a9b10',
    nullable: true,
    type: String,
  })
  id: string | null;

  @ApiProperty({
    description: 'CREATED now, DUPLICATE (recorded before with this payload), or REJECTED.',
    enum: ['CREATED', 'DUPLICATE', 'REJECTED'],
    example: 'CREATED',
  })
  status: BatchItemStatus;

  @ApiPropertyOptional({
    description: 'Why it was rejected (error code).',
    example: 'VALIDATION_FAILED',
  })
  code?: string;

  @ApiPropertyOptional({
    description: 'The invalid fields of a REJECTED item.',
    type: [FieldErrorDto],
  })
  errors?: FieldErrorDto[];
}

export class ServiceEventBatchResponse {
  @ApiProperty({
    description: 'One result per event, in the order sent.',
    type: [BatchItemResultDto],
  })
  results: BatchItemResultDto[];
}
