import { ValidationFailed } from '@pilar/core';

/**
 * Opaque list cursors: the sort key of the last item, as base64url JSON, tagged with the kind of
 * list so that a cursor of one ordering is refused by another.
 */
export function encodeCursor(kind: string, key: (string | number)[]): string {
  return Buffer.from(JSON.stringify([kind, ...key])).toString('base64url');
}

/** The sort key inside `cursor`; a 400 on `cursor` when it is not one of this list's. */
export function decodeCursor<K extends (string | number)[]>(
  kind: string,
  cursor: string,
  shape: { [I in keyof K]: 'string' | 'number' },
): K {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const valid =
    Array.isArray(parsed) &&
    parsed.length === shape.length + 1 &&
    parsed[0] === kind &&
    shape.every((type, i) => typeof parsed[i + 1] === type);
  if (!valid) throw ValidationFailed.field('cursor', 'is not a cursor of this list');
  return (parsed as unknown[]).slice(1) as K;
}
