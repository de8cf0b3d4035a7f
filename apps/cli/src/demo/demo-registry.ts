import type { EntityManager } from 'typeorm';
import { DemoRandom } from './demo-random';

const FIRST = [
  'Ahmad',
  'Muhammad',
  'Siti',
  'Nur',
  'Rahmat',
  'Abdul',
  'Fatimah',
  'Aisyah',
  'Hasan',
  'Husin',
  'Norhayati',
  'Rusdi',
  'Salmah',
  'Masrani',
  'Jumberi',
  'Arbain',
  'Halimah',
  'Rabiah',
  'Mahmud',
  'Saleh',
  'Syahrani',
  'Normila',
  'Yusuf',
  'Zainab',
  'Galuh',
  'Anang',
  'Iyus',
  'Mariani',
  'Hamdan',
  'Rusmini',
  'Bahrudin',
  'Jamilah',
  'Akhmad',
  'Sarmili',
  'Murni',
  'Ijai',
  'Kamariah',
  'Fauzi',
];
const LAST = [
  'Effendi',
  'Rahman',
  'Hidayat',
  'Noor',
  'Hasanah',
  'Sari',
  'Wati',
  'Ansyari',
  'Mukhtar',
  'Yani',
  'Aini',
  'Fitri',
  'Ramadhan',
  'Saputra',
  'Lestari',
  'Arsyad',
  'Zakiah',
  'Hairani',
];

/** A PPKS period of a demo person or household. */
export interface DemoPpks {
  kode: string;
  since: string;
  until: string | null;
  terlantar: boolean;
  verification: 'PROPOSED' | 'VERIFIED' | 'REJECTED';
  disasterId: string | null;
}

export interface DemoHousehold {
  id: string;
  desaKode: string;
  ppks: DemoPpks[];
}

export interface DemoPerson {
  id: string;
  name: string;
  sex: 'L' | 'P';
  birthDate: string;
  desaKode: string;
  householdId: string | null;
  ppks: DemoPpks[];
}

export interface DemoDisaster {
  id: string;
  name: string;
  startDate: string;
  emergencyEndDate: string;
  wilayahKode: string;
}

export interface DemoRegistry {
  households: DemoHousehold[];
  people: DemoPerson[];
  disaster: DemoDisaster;
  /** The people of each PPKS type (not rejected), for the services. */
  byType: Map<string, DemoPerson[]>;
  householdsByType: Map<string, DemoHousehold[]>;
  victims: DemoPerson[];
}

/** How many people of each PPKS type (counted in persons) the demo agency has registered. */
const PERSON_TYPES: [
  kode: string,
  count: number,
  born: [number, number],
  terlantarShare: number,
][] = [
  ['LANJUT_USIA_TERLANTAR', 700, [1930, 1962], 1],
  ['PENYANDANG_DISABILITAS', 400, [1950, 2010], 0.6],
  ['ANAK_TERLANTAR', 300, [2005, 2016], 1],
  ['ANAK_BALITA_TERLANTAR', 50, [2018, 2021], 1],
  ['PEREMPUAN_RAWAN_SOSIAL_EKONOMI', 200, [1960, 2000], 0],
  ['KORBAN_NAPZA', 30, [1985, 2004], 0],
  ['GELANDANGAN', 20, [1950, 1995], 1],
  ['PENGEMIS', 20, [1945, 1990], 1],
];

/**
 * A registry as the agency would have it at the end of 2022: households (some fakir miskin, some
 * Komunitas Adat Terpencil), people with PPKS periods (most verified, some proposed or rejected,
 * a few ended during the year), and the victims of a flood in October.
 */
export function demoRegistry(random: DemoRandom, desa: string[], year: number): DemoRegistry {
  const identities = new Set<string>();
  const ppks = (kode: string, terlantar: boolean): DemoPpks => {
    const roll = random.next();
    const since = random.dateIn(random.int(year - 4, year), 1, 12);
    const until = random.chance(0.05) ? random.dateIn(year, 7, 11) : null;
    return {
      kode,
      since,
      until: until !== null && until >= since ? until : null,
      terlantar,
      verification: roll < 0.85 ? 'VERIFIED' : roll < 0.95 ? 'PROPOSED' : 'REJECTED',
      disasterId: null,
    };
  };
  const households: DemoHousehold[] = Array.from({ length: 1300 }, (_, i) => ({
    id: random.uuid(),
    desaKode: random.pick(desa),
    ppks:
      i < 820
        ? [ppks('FAKIR_MISKIN', false)]
        : i < 900
          ? [ppks('KOMUNITAS_ADAT_TERPENCIL', false)]
          : [],
  }));
  const person = (born: [number, number], household: DemoHousehold | null): DemoPerson => {
    for (;;) {
      const p: DemoPerson = {
        id: random.uuid(),
        name: `${random.pick(FIRST)} ${random.pick(LAST)}`,
        sex: random.chance(0.5) ? 'L' : 'P',
        birthDate: random.dateIn(random.int(born[0], born[1])),
        desaKode: household?.desaKode ?? random.pick(desa),
        householdId: household?.id ?? null,
        ppks: [],
      };
      const identity = `${p.desaKode}/${p.birthDate}/${p.name.toLowerCase()}`;
      if (!identities.has(identity)) {
        identities.add(identity);
        return p;
      }
    }
  };
  const people: DemoPerson[] = [];
  for (const [kode, count, born, terlantarShare] of PERSON_TYPES) {
    for (let i = 0; i < count; i++) {
      const p = person(born, random.chance(0.7) ? random.pick(households) : null);
      p.ppks.push(ppks(kode, random.chance(terlantarShare)));
      // Many hold two types at once: an old person with a disability, say.
      if (kode === 'LANJUT_USIA_TERLANTAR' && random.chance(0.15)) {
        p.ppks.push(ppks('PENYANDANG_DISABILITAS', true));
      }
      people.push(p);
    }
  }
  // Heads of the fakir miskin and KAT families, so every such household has a member.
  for (const h of households.filter((h) => h.ppks.length > 0)) people.push(person([1955, 1995], h));

  const disaster: DemoDisaster = {
    id: random.uuid(),
    name: 'Banjir Kecamatan Paringin dan Juai',
    startDate: `${year}-10-10`,
    emergencyEndDate: `${year}-10-24`,
    wilayahKode: desa[0].slice(0, 5),
  };
  const flooded = random.sample(
    households.filter((h) => h.ppks.length === 0),
    140,
  );
  const victims: DemoPerson[] = [];
  for (const h of flooded) {
    for (let k = 0; k < 3; k++) {
      const p = person([1950, 2015], h);
      p.ppks.push({
        kode: 'KORBAN_BENCANA_ALAM',
        since: disaster.startDate,
        until: `${year}-12-31`,
        terlantar: false,
        verification: 'VERIFIED',
        disasterId: disaster.id,
      });
      people.push(p);
      victims.push(p);
    }
  }

  const byType = new Map<string, DemoPerson[]>();
  for (const p of people) {
    for (const c of p.ppks) {
      if (c.verification !== 'REJECTED') byType.set(c.kode, [...(byType.get(c.kode) ?? []), p]);
    }
  }
  const householdsByType = new Map<string, DemoHousehold[]>();
  for (const h of households) {
    for (const c of h.ppks) {
      if (c.verification !== 'REJECTED') {
        householdsByType.set(c.kode, [...(householdsByType.get(c.kode) ?? []), h]);
      }
    }
  }
  return { households, people, disaster, byType, householdsByType, victims };
}

/** Writes the registry with set-based inserts that satisfy the registry's own constraints. */
export async function insertDemoRegistry(
  m: EntityManager,
  registry: DemoRegistry,
  adminId: string,
): Promise<void> {
  await m.query(
    `INSERT INTO household (id, desa_kode, dtks_registered, desil)
     SELECT id, desa_kode, dtks, CASE WHEN dtks THEN 1 + (abs(hashtext(id::text)) % 4) END
     FROM jsonb_to_recordset($1::jsonb) AS h(id uuid, desa_kode text, dtks boolean)`,
    [
      JSON.stringify(
        registry.households.map((h) => ({
          id: h.id,
          desa_kode: h.desaKode,
          dtks: h.ppks.some((c) => c.kode === 'FAKIR_MISKIN'),
        })),
      ),
    ],
  );
  for (let i = 0; i < registry.people.length; i += 2000) {
    await m.query(
      `INSERT INTO beneficiary (id, name, sex, birth_date, desa_kode, household_id)
       SELECT id, name, sex, birth_date, desa_kode, household_id
       FROM jsonb_to_recordset($1::jsonb)
         AS p(id uuid, name text, sex char(1), birth_date date, desa_kode text, household_id uuid)`,
      [
        JSON.stringify(
          registry.people.slice(i, i + 2000).map((p) => ({
            id: p.id,
            name: p.name,
            sex: p.sex,
            birth_date: p.birthDate,
            desa_kode: p.desaKode,
            household_id: p.householdId,
          })),
        ),
      ],
    );
  }
  const d = registry.disaster;
  await m.query(
    `INSERT INTO disaster (id, jenis, name, start_date, emergency_end_date, wilayah_kode, created_by)
     VALUES ($1, 'ALAM', $2, $3, $4, $5, $6)`,
    [d.id, d.name, d.startDate, d.emergencyEndDate, d.wilayahKode, adminId],
  );
  await m.query(
    `INSERT INTO disaster_victim (disaster_id, beneficiary_id, household_id, desa_kode, registered_by)
     SELECT $1, b.id, b.household_id, b.desa_kode, $2 FROM beneficiary b WHERE b.id = ANY ($3)`,
    [d.id, adminId, registry.victims.map((v) => v.id)],
  );
  const classifications = [
    ...registry.people.flatMap((p) =>
      p.ppks.map((c) => ({ ...c, beneficiary_id: p.id, household_id: null })),
    ),
    ...registry.households.flatMap((h) =>
      h.ppks.map((c) => ({ ...c, beneficiary_id: null, household_id: h.id })),
    ),
  ];
  await m.query(
    `INSERT INTO ppks_classification (beneficiary_id, household_id, ppks_kode, since, until, source,
       terlantar, verification, reviewed_by, reviewed_at, disaster_id, created_by)
     SELECT c.beneficiary_id, c.household_id, c.kode, c.since, c.until,
            CASE WHEN c.kode = 'FAKIR_MISKIN' THEN 'DTKS' ELSE 'ASSESSMENT' END,
            c.terlantar, c.verification,
            CASE WHEN c.verification <> 'PROPOSED' THEN $2::uuid END,
            CASE WHEN c.verification <> 'PROPOSED' THEN c.since + 30 END,
            c.disaster_id, $2::uuid
     FROM jsonb_to_recordset($1::jsonb) AS c(beneficiary_id uuid, household_id uuid, kode text,
       since date, until date, terlantar boolean, verification text, disaster_id uuid)`,
    [JSON.stringify(classifications), adminId],
  );
}
