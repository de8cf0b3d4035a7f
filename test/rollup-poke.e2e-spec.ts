import { RollupTrigger } from '@pilar/rollup';
import { TestApp } from '@pilar/testing';
import {
  agencyDate,
  bearer,
  caseworkUsers,
  CaseworkUsers,
  PERMAKANAN,
  planRenja,
  registerPerson,
  thisYear,
} from './casework-fixtures';

describe('Roll-up poke (e2e)', () => {
  let t: TestApp;
  let u: CaseworkUsers;
  let poke: jest.SpyInstance;

  beforeAll(async () => {
    t = await TestApp.create();
    u = await caseworkUsers(t);
    await planRenja(t, u.admin, thisYear(t), [PERMAKANAN]);
  });
  beforeEach(() => {
    poke = jest.spyOn(t.get(RollupTrigger), 'poke').mockImplementation(() => undefined);
  });
  afterEach(() => poke.mockRestore());
  afterAll(() => t.close());

  const serviceEvent = (beneficiaryId: string): Record<string, unknown> => ({
    type: 'PERMAKANAN',
    beneficiaryId,
    subKegiatanKode: PERMAKANAN,
    date: agencyDate(t),
    quantity: 1,
    unit: 'paket',
  });

  it('asks for a drain after a write succeeds', async () => {
    const person = await registerPerson(t, u.tksk);
    poke.mockClear();
    await t.http
      .post('/api/v1/service-events')
      .set(bearer(u.tksk))
      .send(serviceEvent(person))
      .expect(201);
    expect(poke).toHaveBeenCalledTimes(1);
  });

  it('does not after a failed write, a read, or a write that changes no figure', async () => {
    await t.http
      .post('/api/v1/service-events')
      .set(bearer(u.tksk))
      .send(serviceEvent('not-a-uuid'))
      .expect(400);
    await t.http.get('/api/v1/service-events').set(bearer(u.tksk)).expect(200);
    await t.http
      .post('/api/v1/auth/login')
      .send({ username: u.tksk.username, password: u.tksk.password })
      .expect(200);
    expect(poke).not.toHaveBeenCalled();
  });
});
