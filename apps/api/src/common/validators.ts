import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** A fiscal year (tahun anggaran), from a path, query or body: an integer 2000–2100. */
export const IsFiscalYear = (): PropertyDecorator =>
  applyDecorators(
    Type(() => Number),
    IsInt(),
    Min(2000),
    Max(2100),
  );

/** A triwulan, 1–4. */
export const IsTriwulan = (): PropertyDecorator =>
  applyDecorators(
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(4),
  );
