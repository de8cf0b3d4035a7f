import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ description: 'The invalid field (dotted path).', example: 'nik' })
  field: string;

  @ApiProperty({ description: 'Why it is invalid.', example: 'must be 16 digits' })
  message: string;
}

/** application/problem+json (RFC 9457), as every error is answered. */
export class ProblemDto {
  @ApiProperty({ example: 'https://pilar.dinsos.go.id/problems/validation-failed' })
  type: string;

  @ApiProperty({ example: 'Bad Request' })
  title: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiProperty({ example: 'Invalid fields: nik.' })
  detail: string;

  @ApiProperty({ description: 'Stable machine-readable code.', example: 'VALIDATION_FAILED' })
  code: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];

  @ApiProperty({
    description: 'Correlation id, also in the x-request-id header.',
    example: '0b6c1f0e-6f8e-4a53-9d43-1f3c1d0b9d1e',
  })
  requestId: string;
}
