import { Role } from '@pilar/auth';
import { TestApp } from '@pilar/testing';

describe('HTTP errors (e2e)', () => {
  let t: TestApp;
  let admin: { token: string };

  beforeAll(async () => {
    t = await TestApp.create();
    admin = await t.signIn(Role.Admin);
  });
  afterAll(() => t.close());

  it('answers malformed JSON with 400 problem+json, not 500', async () => {
    const res = await t.http
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send('{"username": "admin", "password": ')
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('MALFORMED_JSON');
  });

  it('answers a body over the 5 MiB limit with 413 problem+json', async () => {
    const res = await t.http
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ username: 'x'.repeat(5 * 1024 * 1024) }))
      .expect(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('reads a body that is not JSON as no body: the missing fields are listed', async () => {
    const res = await t.http
      .post('/api/v1/auth/login')
      .type('form')
      .send({ username: 'admin', password: 'rahasia' })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers a malformed URL with 400 problem+json and its request id', async () => {
    const res = await t.http
      .get('/api/v1/users/%E0%A4%A')
      .auth(admin.token, { type: 'bearer' })
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  it('lists every invalid field: unknown fields and wrong types', async () => {
    const res = await t.http
      .post('/api/v1/users')
      .auth(admin.token, { type: 'bearer' })
      .send({
        username: 42,
        password: 'short',
        name: '',
        role: 'KING',
        wilayahKode: 'x',
        extra: true,
      })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field);
    expect(new Set(fields)).toEqual(
      new Set(['username', 'password', 'name', 'role', 'wilayahKode', 'extra']),
    );
  });

  it('validates query strings and path params too', async () => {
    const q = await t.http
      .get('/api/v1/wilayah?indukKode=abc')
      .auth(admin.token, { type: 'bearer' })
      .expect(400);
    expect(q.body.errors[0].field).toBe('indukKode');
    await t.http.get('/api/v1/jobs/not-a-uuid').auth(admin.token, { type: 'bearer' }).expect(400);
    await t.http.get('/api/v1/users/not-a-uuid').auth(admin.token, { type: 'bearer' }).expect(400);
  });

  it('answers unknown routes with 404 problem+json', async () => {
    const res = await t.http
      .get('/api/v1/nothing-here')
      .auth(admin.token, { type: 'bearer' })
      .expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('echoes a given x-request-id', async () => {
    const res = await t.http.get('/health').set('x-request-id', 'req-1234567890').expect(200);
    expect(res.headers['x-request-id']).toBe('req-1234567890');
  });

  it('serves liveness, readiness and the OpenAPI document', async () => {
    await t.http.get('/health').expect(200, { status: 'ok' });
    const ready = await t.http.get('/health/ready').expect(200);
    expect(ready.body.checks).toEqual({ postgres: 'up', redis: 'up' });
    const doc = await t.http.get('/docs-json').expect(200);
    expect(doc.body.paths['/api/v1/auth/login']).toBeDefined();
    expect(doc.body.paths['/api/v1/auth/login'].post.operationId).toBe('Auth_login');
  });
});
