import { payloadHash } from '@pilar/casework';
import type { EntityManager } from 'typeorm';
import type { DemoHousehold, DemoPerson, DemoRegistry } from './demo-registry';
import { DemoRandom } from './demo-random';

interface DemoService {
  id: string;
  type: string;
  beneficiaryId: string | null;
  householdId: string | null;
  subKegiatanKode: string | null;
  date: string;
  quantity: number;
  unit: string;
  amount: number;
  desaKode: string;
  disasterId: string | null;
}

/**
 * A year of services the way the Balangan Renja 2022 funds them, spread over the triwulan:
 * permakanan every other month for lansia terlantar, alat bantu, reunifikasi and bimbingan,
 * basic needs for anak terlantar, KAT empowerment, fakir miskin data validation and bantuan
 * sosial, food during the flood's tanggap darurat, and TKSK home visits.
 */
export function demoServices(
  random: DemoRandom,
  registry: DemoRegistry,
  year: number,
): DemoService[] {
  const services: DemoService[] = [];
  const toPerson = (
    p: DemoPerson,
    s: Omit<DemoService, 'id' | 'beneficiaryId' | 'householdId' | 'desaKode' | 'disasterId'>,
  ) =>
    services.push({
      id: random.uuid(),
      beneficiaryId: p.id,
      householdId: null,
      desaKode: p.desaKode,
      disasterId: null,
      ...s,
    });
  const toHousehold = (
    h: DemoHousehold,
    s: Omit<DemoService, 'id' | 'beneficiaryId' | 'householdId' | 'desaKode' | 'disasterId'>,
  ) =>
    services.push({
      id: random.uuid(),
      beneficiaryId: null,
      householdId: h.id,
      desaKode: h.desaKode,
      disasterId: null,
      ...s,
    });
  const people = (kode: string) => registry.byType.get(kode) ?? [];
  const households = (kode: string) => registry.householdsByType.get(kode) ?? [];
  const day = (month: number) => random.dateIn(year, month, month);

  // 1.06.04.2.01.0001 Penyediaan Permakanan: deliveries every other month, joining during the year.
  for (const p of random.sample(people('LANJUT_USIA_TERLANTAR'), 560)) {
    for (const month of [2, 4, 6, 8, 10, 12].filter((m) => m >= random.pick([2, 2, 2, 4, 6, 8]))) {
      toPerson(p, {
        type: 'PERMAKANAN',
        subKegiatanKode: '1.06.04.2.01.0001',
        date: day(month),
        quantity: 1,
        unit: 'paket',
        amount: 70_000,
      });
    }
  }
  // 0003 Penyediaan Alat Bantu: once, for people with a disability and old people.
  const alatBantu = random.sample(
    [...people('PENYANDANG_DISABILITAS'), ...people('LANJUT_USIA_TERLANTAR')],
    150,
  );
  for (const p of new Set(alatBantu)) {
    toPerson(p, {
      type: 'ALAT_BANTU',
      subKegiatanKode: '1.06.04.2.01.0003',
      date: random.dateIn(year, 3, 11),
      quantity: 1,
      unit: 'unit',
      amount: random.pick([650_000, 950_000, 1_250_000]),
    });
  }
  // 0004 Reunifikasi Keluarga: anak terlantar returned to their families.
  for (const p of random.sample(people('ANAK_TERLANTAR'), 8)) {
    toPerson(p, {
      type: 'REUNIFIKASI',
      subKegiatanKode: '1.06.04.2.01.0004',
      date: random.dateIn(year),
      quantity: 1,
      unit: 'orang',
      amount: 45_000_000,
    });
  }
  // 0005 Bimbingan fisik, mental, spiritual dan sosial.
  const bimbingan = [
    ...random.sample(people('KORBAN_NAPZA'), 10),
    ...people('PENGEMIS').slice(0, 8),
    ...people('GELANDANGAN').slice(0, 7),
  ];
  for (const p of bimbingan) {
    toPerson(p, {
      type: 'BIMBINGAN_SOSIAL',
      subKegiatanKode: '1.06.04.2.01.0005',
      date: random.dateIn(year, 2, 11),
      quantity: 1,
      unit: 'orang',
      amount: 1_200_000,
    });
  }
  // 0006 Bimbingan sosial kepada keluarga: basic needs of anak terlantar, and wanita rawan sosial.
  for (const p of random.sample(people('ANAK_TERLANTAR'), 18)) {
    toPerson(p, {
      type: 'BANTUAN_SOSIAL',
      subKegiatanKode: '1.06.04.2.01.0006',
      date: random.dateIn(year, 3, 12),
      quantity: 1,
      unit: 'paket',
      amount: 4_500_000,
    });
  }
  for (const p of random.sample(people('PEREMPUAN_RAWAN_SOSIAL_EKONOMI'), 7)) {
    toPerson(p, {
      type: 'BANTUAN_SOSIAL',
      subKegiatanKode: '1.06.04.2.01.0006',
      date: random.dateIn(year, 5, 11),
      quantity: 1,
      unit: 'paket',
      amount: 2_000_000,
    });
  }
  // 0009 Layanan data dan pengaduan: no pagu, but the complaints are recorded.
  for (const p of random.sample(registry.people, 40)) {
    toPerson(p, {
      type: 'LAYANAN_DATA_PENGADUAN',
      subKegiatanKode: '1.06.04.2.01.0009',
      date: random.dateIn(year),
      quantity: 1,
      unit: 'layanan',
      amount: 0,
    });
  }
  // 1.06.02.2.01.0002 Pendampingan KAT: two sessions a year per family.
  for (const h of random.sample(households('KOMUNITAS_ADAT_TERPENCIL'), 65)) {
    for (const month of [random.int(2, 6), random.int(7, 11)]) {
      toHousehold(h, {
        type: 'PEMBERDAYAAN_KAT',
        subKegiatanKode: '1.06.02.2.01.0002',
        date: day(month),
        quantity: 1,
        unit: 'kegiatan',
        amount: 70_000,
      });
    }
  }
  // 1.06.05.2.02.0002 Pengelolaan data fakir miskin: verivali in January, April, July, October.
  for (const h of random.sample(households('FAKIR_MISKIN'), 750)) {
    toHousehold(h, {
      type: 'LAYANAN_DATA_PENGADUAN',
      subKegiatanKode: '1.06.05.2.02.0002',
      date: day(random.pick([1, 4, 7, 10])),
      quantity: 1,
      unit: 'KK',
      amount: 150_000,
    });
  }
  // 1.06.05.2.02.0003 Fasilitasi bantuan sosial: a quarterly transfer to fakir miskin families.
  for (const h of random.sample(households('FAKIR_MISKIN'), 700)) {
    for (const month of [3, 6, 9, 12].filter((m) => m >= random.pick([3, 3, 6]))) {
      toHousehold(h, {
        type: 'BANTUAN_SOSIAL',
        subKegiatanKode: '1.06.05.2.02.0003',
        date: day(month),
        quantity: 1,
        unit: 'paket',
        amount: 1_250_000,
      });
    }
  }
  // 1.06.06.2.01.0001 Penyediaan makanan during the flood's tanggap darurat: family rations,
  // and a personal ration for most victims.
  const d = registry.disaster;
  const flooded = new Map(registry.victims.map((v) => [v.householdId, v]));
  for (const householdId of flooded.keys()) {
    const h = registry.households.find((x) => x.id === householdId);
    if (!h) continue;
    for (const date of [d.startDate, `${year}-10-17`]) {
      toHousehold(h, {
        type: 'TANGGAP_DARURAT',
        subKegiatanKode: '1.06.06.2.01.0001',
        date,
        quantity: 1,
        unit: 'paket',
        amount: 500_000,
      });
    }
  }
  for (const v of random.sample(registry.victims, 380)) {
    toPerson(v, {
      type: 'TANGGAP_DARURAT',
      subKegiatanKode: '1.06.06.2.01.0001',
      date: `${year}-10-${random.int(11, 24)}`,
      quantity: 1,
      unit: 'paket',
      amount: 75_000,
    });
  }
  for (const s of services) if (s.type === 'TANGGAP_DARURAT') s.disasterId = d.id;
  // TKSK home visits, paid by no sub-kegiatan of their own.
  for (const p of random.sample(registry.people, 250)) {
    toPerson(p, {
      type: 'KUNJUNGAN',
      subKegiatanKode: null,
      date: random.dateIn(year),
      quantity: 1,
      unit: 'kunjungan',
      amount: 0,
    });
  }
  return services;
}

/** Writes the services as casework records them (with the same request hash), in chunks. */
export async function insertDemoServices(
  m: EntityManager,
  services: DemoService[],
  recordedBy: string,
): Promise<void> {
  for (let i = 0; i < services.length; i += 2000) {
    const rows = services.slice(i, i + 2000).map((s) => ({
      id: s.id,
      payload_hash: payloadHash('service-event', {
        type: s.type,
        beneficiaryId: s.beneficiaryId ?? undefined,
        householdId: s.householdId ?? undefined,
        subKegiatanKode: s.subKegiatanKode ?? undefined,
        date: s.date,
        quantity: s.quantity,
        unit: s.unit,
        amount: s.amount,
        disasterId: s.disasterId ?? undefined,
        recordedBy,
      }),
      service_type: s.type,
      beneficiary_id: s.beneficiaryId,
      household_id: s.householdId,
      sub_kegiatan_kode: s.subKegiatanKode,
      event_date: s.date,
      quantity: s.quantity,
      unit: s.unit,
      amount: s.amount,
      desa_kode: s.desaKode,
      disaster_id: s.disasterId,
    }));
    await m.query(
      `INSERT INTO service_event (id, payload_hash, service_type, beneficiary_id, household_id,
         sub_kegiatan_kode, event_date, quantity, unit, amount, desa_kode, recorded_by,
         recorded_at, disaster_id)
       SELECT id, payload_hash, service_type, beneficiary_id, household_id, sub_kegiatan_kode,
              event_date, quantity, unit, amount, desa_kode, $2, event_date + time '10:00', disaster_id
       FROM jsonb_to_recordset($1::jsonb) AS s(id uuid, payload_hash text, service_type text,
         beneficiary_id uuid, household_id uuid, sub_kegiatan_kode text, event_date date,
         quantity numeric, unit text, amount bigint, desa_kode text, disaster_id uuid)`,
      [JSON.stringify(rows), recordedBy],
    );
  }
}
