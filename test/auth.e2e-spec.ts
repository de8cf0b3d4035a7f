import { Role } from '@pilar/auth';
import { TestApp } from '@pilar/testing';

describe('Auth and users (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.create({ LOGIN_MAX_FAILURES: '3' });
  });
  afterAll(() => t.close());

  it('signs in and answers /auth/me', async () => {
    const admin = await t.signIn(Role.Admin);
    const me = await t.http
      .get('/api/v1/auth/me')
      .auth(admin.token, { type: 'bearer' })
      .expect(200);
    expect(me.body).toMatchObject({ username: admin.username, role: 'ADMIN', wilayahKode: null });
    expect(me.body).not.toHaveProperty('passwordHash');
  });

  it('answers 401 problem+json without a token, and with a forged one', async () => {
    const res = await t.http.get('/api/v1/users').expect(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', title: 'Unauthorized' });
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
    await t.http.get('/api/v1/users').auth('not.a.jwt', { type: 'bearer' }).expect(401);
  });

  it('answers 403 to a TKSK on an ADMIN route', async () => {
    const tksk = await t.signIn(Role.Tksk, '63.11.06');
    const res = await t.http.get('/api/v1/users').auth(tksk.token, { type: 'bearer' }).expect(403);
    expect(res.body).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
  });

  it('rotates refresh tokens and revokes the family when an old one is replayed', async () => {
    const user = await t.signIn(Role.Operator);
    const login = await t.http
      .post('/api/v1/auth/login')
      .send({ username: user.username, password: user.password })
      .expect(200);
    const first = login.body.refreshToken as string;
    const second = (
      await t.http.post('/api/v1/auth/refresh').send({ refreshToken: first }).expect(200)
    ).body.refreshToken as string;
    expect(second).not.toBe(first);
    // Replaying the used token: refused, and the live one of the same family dies with it.
    const replay = await t.http
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: first })
      .expect(401);
    expect(replay.body.code).toBe('INVALID_REFRESH_TOKEN');
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: second }).expect(401);
    const audit = await t.dataSource.query(
      "SELECT 1 FROM audit_entry WHERE action = 'auth.refresh.reuse-detected' AND entity_id = $1",
      [user.id],
    );
    expect(audit).toHaveLength(1);
  });

  it('logs out by revoking the refresh token family', async () => {
    const user = await t.signIn(Role.Psm, '63.11.06.2005');
    const login = await t.http
      .post('/api/v1/auth/login')
      .send({ username: user.username, password: user.password })
      .expect(200);
    await t.http
      .post('/api/v1/auth/logout')
      .auth(user.token, { type: 'bearer' })
      .send({ refreshToken: login.body.refreshToken })
      .expect(204);
    await t.http
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: login.body.refreshToken })
      .expect(401);
  });

  it('throttles repeated failed sign-ins with 429', async () => {
    const user = await t.signIn(Role.Pimpinan);
    for (let i = 0; i < 3; i++) {
      await t.http
        .post('/api/v1/auth/login')
        .send({ username: user.username, password: 'wrong-password!' })
        .expect(401);
    }
    const res = await t.http
      .post('/api/v1/auth/login')
      .send({ username: user.username, password: user.password })
      .expect(429);
    expect(res.body.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  describe('user management', () => {
    let admin: { token: string };
    beforeAll(async () => {
      admin = await t.signIn(Role.Admin);
    });

    it('creates a TKSK for a kecamatan of the agency, and audits it', async () => {
      const res = await t.http
        .post('/api/v1/users')
        .auth(admin.token, { type: 'bearer' })
        .send({
          username: 'tksk.juai',
          password: 'Juai-2026-panjang',
          name: 'Ahmad',
          role: 'TKSK',
          wilayahKode: '63.11.01',
        })
        .expect(201);
      expect(res.body).toMatchObject({
        username: 'tksk.juai',
        role: 'TKSK',
        wilayahKode: '63.11.01',
        version: 1,
      });
      const [entry] = await t.dataSource.query(
        "SELECT changes FROM audit_entry WHERE action = 'user.create' AND entity_id = $1",
        [res.body.id],
      );
      expect(entry.changes.role).toEqual({ before: null, after: 'TKSK' });
      expect(entry.changes.passwordHash).toEqual({ before: null, after: '[changed]' });
    });

    it('refuses a TKSK without a kecamatan, or with one outside the kabupaten', async () => {
      const base = { password: 'Juai-2026-panjang', name: 'X', role: 'TKSK' };
      const missing = await t.http
        .post('/api/v1/users')
        .auth(admin.token, { type: 'bearer' })
        .send({ ...base, username: 'a.b' })
        .expect(400);
      expect(missing.body.errors[0].field).toBe('wilayahKode');
      const outside = await t.http
        .post('/api/v1/users')
        .auth(admin.token, { type: 'bearer' })
        .send({ ...base, username: 'a.c', wilayahKode: '63.10.01' })
        .expect(400);
      expect(outside.body.detail).toMatch(/outside the agency/);
    });

    it('refuses a duplicate username with 409', async () => {
      const body = {
        username: 'op.dup',
        password: 'Operator-2026-panjang',
        name: 'Op',
        role: 'OPERATOR',
      };
      await t.http
        .post('/api/v1/users')
        .auth(admin.token, { type: 'bearer' })
        .send(body)
        .expect(201);
      const res = await t.http
        .post('/api/v1/users')
        .auth(admin.token, { type: 'bearer' })
        .send(body)
        .expect(409);
      expect(res.body.code).toBe('USERNAME_TAKEN');
    });

    it('deactivates a user with optimistic locking; their sessions end', async () => {
      const victim = await t.signIn(Role.Operator);
      const login = await t.http
        .post('/api/v1/auth/login')
        .send({ username: victim.username, password: victim.password })
        .expect(200);
      await t.http
        .patch(`/api/v1/users/${victim.id}`)
        .auth(admin.token, { type: 'bearer' })
        .send({ version: 99, active: false })
        .expect(409);
      const res = await t.http
        .patch(`/api/v1/users/${victim.id}`)
        .auth(admin.token, { type: 'bearer' })
        .send({ version: 1, active: false })
        .expect(200);
      expect(res.body).toMatchObject({ active: false, version: 2 });
      await t.http
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: login.body.refreshToken })
        .expect(401);
      await t.http
        .post('/api/v1/auth/login')
        .send({ username: victim.username, password: victim.password })
        .expect(401);
    });
  });
});
