/* Shared set-up of the casework e2e tests: people, Renja lines and dates in the agency's zone. */
import { Role } from '@pilar/auth';
import { SignedInUser, TestApp } from '@pilar/testing';
import { todayIn } from '@pilar/core';

export const PARINGIN = '63.11.06';
export const BALANG = '63.11.06.2005';
export const KALAHIANG = '63.11.06.2006';
/** A desa of another kecamatan (Juai). */
export const MUARA_NINIAN = '63.11.01.2001';
export const PERMAKANAN = '1.06.04.2.01.0001';
export const REUNIFIKASI_SUB = '1.06.04.2.01.0004';
export const MAKANAN_BENCANA = '1.06.06.2.01.0001';

/** Dates relative to today in the test agency's zone (Asia/Makassar). */
export function agencyDate(t: TestApp, daysFromToday = 0): string {
  const today = todayIn(t.config.agency.timezone);
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + daysFromToday);
  return d.toISOString().slice(0, 10);
}

export const thisYear = (t: TestApp): number => Number(agencyDate(t).slice(0, 4));

export const bearer = (user: { token: string }) => ({ Authorization: `Bearer ${user.token}` });

/** Puts sub-kegiatan in the Renja of `year` through the API, as the planning staff would. */
export async function planRenja(
  t: TestApp,
  admin: SignedInUser,
  year: number,
  kodes: string[],
): Promise<void> {
  for (const kode of kodes) {
    await t.http
      .put(`/api/v1/renja/${year}/sub-kegiatan/${kode}`)
      .set(bearer(admin))
      .send({ pagu: 100_000_000 })
      .expect((res) => {
        if (res.status !== 200 && res.status !== 201) throw new Error(JSON.stringify(res.body));
      });
  }
}

let personSeq = 0;

/** Registers a person without NIK through the registry's API; returns their id. */
export async function registerPerson(
  t: TestApp,
  user: SignedInUser,
  over: Record<string, unknown> = {},
): Promise<string> {
  personSeq++;
  const res = await t.http
    .post('/api/v1/beneficiaries')
    .set(bearer(user))
    .send({
      name: `Penerima ${personSeq} ${Math.random().toString(36).slice(2, 8)}`,
      sex: personSeq % 2 ? 'L' : 'P',
      birthDate: '1950-01-01',
      desaKode: BALANG,
      ...over,
    });
  if (res.status !== 201)
    throw new Error(`registerPerson: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** Registers a household (no KK yet) through the registry's API; returns its id. */
export async function registerHousehold(
  t: TestApp,
  user: SignedInUser,
  desaKode = BALANG,
): Promise<string> {
  const res = await t.http.post('/api/v1/households').set(bearer(user)).send({ desaKode });
  if (res.status !== 201)
    throw new Error(`registerHousehold: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export interface CaseworkUsers {
  admin: SignedInUser;
  operator: SignedInUser;
  /** TKSK of kecamatan Paringin. */
  tksk: SignedInUser;
  /** PSM of desa Balang (in Paringin). */
  psm: SignedInUser;
  /** PSM of desa Muara Ninian (another kecamatan). */
  psmElsewhere: SignedInUser;
  pimpinan: SignedInUser;
}

export async function caseworkUsers(t: TestApp): Promise<CaseworkUsers> {
  return {
    admin: await t.signIn(Role.Admin),
    operator: await t.signIn(Role.Operator),
    tksk: await t.signIn(Role.Tksk, PARINGIN),
    psm: await t.signIn(Role.Psm, BALANG),
    psmElsewhere: await t.signIn(Role.Psm, MUARA_NINIAN),
    pimpinan: await t.signIn(Role.Pimpinan),
  };
}

/** The outbox rows casework wrote for an event (other libs' triggers note other topics). */
export async function outboxRows(
  t: TestApp,
  eventId: string,
): Promise<{ topic: string; event_year: number; payload: Record<string, unknown> }[]> {
  return t.dataSource.query(
    `SELECT topic, event_year, payload FROM outbox
     WHERE aggregate_id = $1 AND topic = 'service-event' ORDER BY id`,
    [eventId],
  );
}
