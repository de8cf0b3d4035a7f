import { TestApp } from '@pilar/testing';

interface SchemaProperty {
  $ref?: string;
  allOf?: unknown[];
  items?: SchemaProperty;
  description?: string;
  example?: unknown;
}

/** Issue 3: every DTO field in the OpenAPI document has a description and an example. */
describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  it('describes every field of every schema, with an example', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body as {
      components: { schemas: Record<string, { properties?: Record<string, SchemaProperty> }> };
    };
    const missing: string[] = [];
    for (const [schema, { properties = {} }] of Object.entries(doc.components.schemas)) {
      for (const [field, p] of Object.entries(properties)) {
        // A nested DTO is described where it is defined.
        const nested = p.$ref ?? p.allOf ?? p.items?.$ref ?? p.items?.allOf;
        if (nested) continue;
        if (!p.description) missing.push(`${schema}.${field}: no description`);
        if (p.example === undefined) missing.push(`${schema}.${field}: no example`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names every operation Controller_method', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    const ids = Object.values(doc.paths).flatMap((ops) =>
      Object.values(ops).map((o) => o.operationId),
    );
    expect(
      ids.every((id) => typeof id === 'string' && /^[A-Z][A-Za-z]+_[a-z][A-Za-z]+$/.test(id)),
    ).toBe(true);
  });
});
