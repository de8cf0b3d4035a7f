/* Shared set-up of the roll-up and report e2e tests. */
import { randomUUID } from 'node:crypto';
import { SignedInUser, TestApp } from '@pilar/testing';
import { bearer } from './casework-fixtures';

export const PERMAKANAN_SUB = '1.06.04.2.01.0001';
export const ALAT_BANTU_SUB = '1.06.04.2.01.0003';
export const REHSOS_KEGIATAN = '1.06.04.2.01';
export const REHSOS_PROGRAM = '1.06.04';
export const TANGGAP_DARURAT_SUB = '1.06.06.2.01.0001';

/** Polls GET /rollup/status until every recorded change is in the figures. */
export async function waitForRollup(
  t: TestApp,
  user: SignedInUser,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await t.http.get('/api/v1/rollup/status').set(bearer(user)).expect(200);
    if (res.body.pending === 0) return;
    if (Date.now() > deadline) {
      throw new Error(`The roll-up still has ${res.body.pending} changes after ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Creates an indicator and its target for `year` through the API; returns its id. */
export async function defineIndicator(
  t: TestApp,
  admin: SignedInUser,
  body: Record<string, unknown>,
  target: { year: number; annual: number; triwulan?: number[] },
): Promise<string> {
  const created = await t.http
    .post('/api/v1/indicators')
    .set(bearer(admin))
    .send({ unit: 'Orang', polarity: 'POSITIVE', ...body });
  if (created.status !== 201) throw new Error(`indicator: ${JSON.stringify(created.body)}`);
  const id = created.body.id as string;
  await t.http
    .put(`/api/v1/indicators/${id}/targets/${target.year}`)
    .set(bearer(admin))
    .send({ annual: target.annual, ...(target.triwulan ? { triwulan: target.triwulan } : {}) })
    .expect((res) => {
      if (res.status !== 200 && res.status !== 201) throw new Error(JSON.stringify(res.body));
    });
  return id;
}

/** Records a service event through the API; returns its id. */
export async function recordService(
  t: TestApp,
  user: SignedInUser,
  body: Record<string, unknown>,
): Promise<string> {
  const id = (body.id as string | undefined) ?? randomUUID();
  const res = await t.http
    .post('/api/v1/service-events')
    .set(bearer(user))
    .send({ id, ...body });
  if (res.status !== 201)
    throw new Error(`service event: ${res.status} ${JSON.stringify(res.body)}`);
  return id;
}

export async function voidService(t: TestApp, user: SignedInUser, id: string): Promise<void> {
  await t.http
    .post(`/api/v1/service-events/${id}/void`)
    .set(bearer(user))
    .send({ reason: 'Salah input penerima' })
    .expect(200);
}
