import { canonicalJson, idFromIdempotencyKey, isUuid, payloadHash } from './idempotency';

describe('idempotency', () => {
  it('writes equal requests the same way whatever the key order or absent members', () => {
    expect(canonicalJson({ b: 1, a: { y: null, x: [2, 'z'] }, c: undefined })).toBe(
      '{"a":{"x":[2,"z"]},"b":1}',
    );
    expect(payloadHash('e', { a: 1, b: 2 })).toBe(payloadHash('e', { b: 2, a: 1, c: null }));
  });

  it('tells different requests and different kinds apart', () => {
    expect(payloadHash('e', { amount: 1 })).not.toBe(payloadHash('e', { amount: 2 }));
    expect(payloadHash('case', { a: 1 })).not.toBe(payloadHash('event', { a: 1 }));
  });

  it('uses a UUID key as the id and derives a stable, per-user UUID from any other key', () => {
    const key = '7D5F7C1E-2B7A-4C55-9C53-1C7D5B8F0A11';
    expect(idFromIdempotencyKey(key, 'u1')).toBe(key.toLowerCase());
    const derived = idFromIdempotencyKey('sync-2026-11-25-0007', 'u1');
    expect(isUuid(derived)).toBe(true);
    expect(idFromIdempotencyKey('sync-2026-11-25-0007', 'u1')).toBe(derived);
    expect(idFromIdempotencyKey('sync-2026-11-25-0007', 'u2')).not.toBe(derived);
  });
});
