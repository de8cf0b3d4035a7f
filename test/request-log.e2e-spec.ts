import { Role } from '@pilar/auth';
import { TestApp } from '@pilar/testing';
import { PinoLogger } from 'nestjs-pino';

interface Line {
  level: string;
  msg: string;
  obj: { req: unknown; res: unknown; responseTime: unknown };
}

/** What the API handed the root logger, without writing it anywhere. */
function captureLines(level: string): Line[] {
  const root = PinoLogger.root;
  root.level = level;
  const lines: Line[] = [];
  for (const method of ['info', 'error'] as const) {
    jest.spyOn(root, method).mockImplementation(((obj: Line['obj'], msg: string) => {
      lines.push({ level: method, obj, msg });
    }) as never);
  }
  return lines;
}

describe('request log lines (e2e)', () => {
  let t: TestApp;
  let admin: { token: string };

  beforeAll(async () => {
    t = await TestApp.create();
    admin = await t.signIn(Role.Admin);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  it('writes one line per answered request: id, method, path, status and time', async () => {
    const lines = captureLines('info');
    const res = await t.http
      .get('/api/v1/service-types?limit=5')
      .auth(admin.token, { type: 'bearer' })
      .expect(200);
    await t.http.get('/api/v1/service-types').expect(401);

    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      level: 'info',
      msg: 'request completed',
      obj: {
        req: {
          id: res.headers['x-request-id'],
          method: 'GET',
          url: '/api/v1/service-types?limit=5',
        },
        res: { statusCode: 200 },
      },
    });
    expect(lines[0].obj.responseTime).toEqual(expect.any(Number));
    expect(lines[1].obj.res).toMatchObject({ statusCode: 401 });
  });

  it('leaves out the health probes', async () => {
    const lines = captureLines('info');
    await t.http.get('/health').expect(200);
    expect(lines).toEqual([]);
  });

  it('writes nothing when request lines are below the level', async () => {
    const lines = captureLines('warn');
    await t.http.get('/api/v1/service-types').auth(admin.token, { type: 'bearer' }).expect(200);
    expect(lines).toEqual([]);
  });
});
