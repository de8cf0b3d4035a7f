import { createHash } from 'node:crypto';
import { Conflict, ValidationFailed } from '@pilar/core';

/**
 * Retried writes (a phone on a poor signal, a sync after a day offline) carry a client-made id.
 * The server keeps a hash of what was asked the first time, so a replay of the same request is
 * recognised and a different request under the same id is refused.
 */

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** JSON with object keys sorted and absent/null members dropped: equal requests, equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value));
}

function canonical(value: unknown): Json | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => canonical(v) ?? null);
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) {
      const v = canonical((value as Record<string, unknown>)[key]);
      if (v !== undefined) out[key] = v;
    }
    return out;
  }
  return undefined;
}

/** The hash stored with an idempotent write; `kind` keeps a case and an event apart. */
export function payloadHash(kind: string, payload: unknown): string {
  return createHash('sha256')
    .update(kind)
    .update('\n')
    .update(canonicalJson(payload))
    .digest('hex');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * The record id an `Idempotency-Key` stands for. A UUID key is the id itself; any other key is
 * turned into a name-based UUID (RFC 9562 v8 layout over SHA-256) scoped to the caller, so two
 * users who happen to pick the same key never collide.
 */
export function idFromIdempotencyKey(key: string, userId: string): string {
  if (isUuid(key)) return key.toLowerCase();
  const bytes = createHash('sha256').update(`${userId}\n${key}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80; // version 8
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/**
 * The id a client chose for a retryable write, from the body's `id` or the `Idempotency-Key`
 * header (both may be sent when they agree), lowercased; undefined when it chose none.
 */
export function clientChosenId(
  bodyId: string | undefined,
  idempotencyKey: string | undefined,
  userId: string,
): string | undefined {
  if (idempotencyKey === undefined) return bodyId?.toLowerCase();
  const key = idempotencyKey.trim();
  if (!key || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw ValidationFailed.field(
      'Idempotency-Key',
      `must be 1-${MAX_IDEMPOTENCY_KEY_LENGTH} characters`,
    );
  }
  const keyId = idFromIdempotencyKey(key, userId);
  if (bodyId && bodyId.toLowerCase() !== keyId) {
    throw ValidationFailed.field('id', 'differs from the Idempotency-Key header');
  }
  return keyId;
}

/** 409: the id was used before for a different request (or by someone else). */
export class IdempotencyConflict extends Conflict {
  constructor(entity: string, id: string) {
    super(
      'IDEMPOTENCY_CONFLICT',
      `${entity} ${id} was already recorded with a different payload; use a new id for a new record.`,
      { id },
    );
  }
}
