import { DomainError } from '@pilar/core';
import { decodeCursor, encodeCursor } from './cursor';

describe(encodeCursor.name, () => {
  it('round-trips a sort key through an opaque base64url string', () => {
    const cursor = encodeCursor('people', ['Abdul Hamid', 'a1b2']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor<[string, string]>('people', cursor, ['string', 'string'])).toEqual([
      'Abdul Hamid',
      'a1b2',
    ]);
  });

  it.each([
    ['another list', encodeCursor('households', ['a1b2'])],
    ['another shape', encodeCursor('people', [0.5, 'a1b2'])],
    ['garbage', 'not-a-cursor'],
  ])('refuses a cursor of %s with a 400 on cursor', (_, cursor) => {
    let error: unknown;
    try {
      decodeCursor('people', cursor, ['string', 'string']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).extra.errors).toEqual([
      { field: 'cursor', message: 'is not a cursor of this list' },
    ]);
  });
});
