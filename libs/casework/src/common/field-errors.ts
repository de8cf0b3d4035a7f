import { HttpStatus } from '@nestjs/common';
import { DomainError, FieldError, ValidationFailed } from '@pilar/core';

/**
 * Collects every invalid field of a request (api.md: "every invalid field listed") from local
 * checks and from lookups that throw 400s. A single failing lookup keeps its own code
 * (SUB_KEGIATAN_NOT_IN_RENJA); several become one VALIDATION_FAILED listing them all.
 */
export class FieldErrorCollector {
  private readonly errors: FieldError[] = [];
  private readonly failures: DomainError[] = [];

  add(field: string, message: string): void {
    this.errors.push({ field, message });
  }

  /** Awaits `work`; a 400 with field errors is collected (→ undefined), anything else rethrown. */
  async check<T>(work: Promise<T>): Promise<T | undefined> {
    try {
      return await work;
    } catch (err) {
      if (
        err instanceof DomainError &&
        err.status === HttpStatus.BAD_REQUEST &&
        err.extra.errors?.length
      ) {
        this.failures.push(err);
        return undefined;
      }
      throw err;
    }
  }

  get isEmpty(): boolean {
    return this.errors.length === 0 && this.failures.length === 0;
  }

  throwIfAny(): void {
    if (this.isEmpty) return;
    if (this.errors.length === 0 && this.failures.length === 1) throw this.failures[0];
    const all = [...this.errors, ...this.failures.flatMap((f) => f.extra.errors ?? [])];
    throw new ValidationFailed(
      all,
      `Invalid fields: ${[...new Set(all.map((e) => e.field))].join(', ')}.`,
    );
  }
}
