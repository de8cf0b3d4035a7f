import { createWriteStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { once } from 'node:events';
import { readCsvFile } from '@pilar/core';

/** The import file's header (libs/registry/IMPORT.md). */
export const HEADER = [
  'nik',
  'no_kk',
  'nama',
  'jenis_kelamin',
  'tanggal_lahir',
  'tempat_lahir',
  'desa_kode',
  'alamat',
  'hubungan_keluarga',
  'ppks',
  'id_dtks',
  'desil',
];

// Names as they are common in Kalimantan Selatan (Banjar) and across Indonesia: a given name,
// often a second, sometimes a third; a few given names (Muhammad, Siti, Nur) are very common.
const MALE =
  `Muhammad Ahmad Abdul Rahmadi Saprudin Jumberi Hasbullah Syahrani Fauzi Rizki Ridwan Masri
  Jailani Arsyad Hamdani Yusran Gazali Nordin Anang Iwan Taufik Hendra Budi Agus Slamet Rusdi Zainal
  Mahmud Kasim Bahrun Ilham Fajar Irfan Syamsul Darmawan Yusuf Rahman Sarbini Juhri Samsuri Aliansyah
  Akhmad Bahtiar Fahrurrazi Gusti Haderi Husaini Ibrahim Ismail Jamhari Kamaruddin Khairil Lukman
  Marwan Misran Nafarin Noor Pahrianoor Rasyid Riduan Saberi Sahrani Sufian Syarifuddin Tarmiji
  Udin Wahyudi Yusransyah Zulkifli Abdullah Aditya Alfian Amirullah Arbain Asmuni Baderun Dahlan
  Efendi Faisal Fathurrahman Firdaus Hairul Hamsani Helmi Herman Hidayatullah Jumadi Kurdi Mahyuni
  Mukhlis Murjani Nasrullah Rabiansyah Ramli Sahlan Saini Supian Syahdan`.split(/\s+/);
const FEMALE =
  `Siti Nur Rahmah Jamilah Masitah Fitriani Salmah Aminah Rusmini Hidayah Mariana Norhayati
  Aisyah Halimah Zubaidah Rabiatul Sri Dewi Wahyuni Rina Yuliana Nurlaila Saadah Hamidah Mahrita
  Rosidah Fatimah Khadijah Latifah Maulida Syarifah Rukayah Inah Aluh Intan Arbainah Sumiati Kartini
  Lestari Nadia Aulia Badariah Daniah Erna Faridah Fitria Hairiah Halijah Hayati Isnawati Jubaidah
  Kamariah Laila Mahmudah Mardiana Masnah Misnawati Murni Nafisah Noorjanah Nurhasanah Nurul Paridah
  Purnamasari Qamariah Radiah Raudah Rijalinah Rusmilawati Sabariah Salasiah Samsiah Sania Sarpiah
  Sawiyah Sukmawati Sulastri Suriani Syamsiah Tuti Yati Yusnita Zahra Zainab Ernawati Hartini
  Junaidah Marlina Norlaila Rusdiana Sapiah Sitti Warnida`.split(/\s+/);
const SECOND = `Hidayat Rahman Fauzan Hamid Maulana Saputra Ramadhan Hakim Akbar Syahputra Nafarin
  Rahmawati Amalia Lestari Wati Ningsih Safitri Apriani Yanti Hasanah Anwar Effendi Gunawan Setiawan
  Firdaus Rizal Arifin Basuki Wijaya Kurniawan Fadillah Azizah Nurdin Hasan Husin Mansyur Jamal Noor
  Asnawi Bakri Abdillah Aditya Ansyari Arsyad Badrun Darmadi Fahmi Fitriah Hadi Halim Hanafi Harun
  Hermawan Ilmi Irawan Jannah Kamal Karim Kusuma Latif Mahdi Majid Mubarak Munawar Mustofa Nasution
  Nugraha Pratama Rasyidi Ridho Rosyadi Sabri Salim Santoso Sari Sofyan Subhan Sudirman Syafii Syahid
  Tamimi Usman Wahid Yamani Zakaria Zulfa Permatasari Handayani Susanti Utami Rahayu Puspita`.split(
  /\s+/,
);

/** Deterministic randomness (mulberry32), so every run imports the same population. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export interface Person {
  nik: string;
  noKk: string;
  name: string;
  sex: 'L' | 'P';
  birthDate: string;
  desaKode: string;
}

/** Every desa of the kabupaten, from the same package the wilayah seed loads. */
function desaOf(kabupatenKode: string): string[] {
  const dir = join(dirname(require.resolve('idn-area-data/package.json')), 'data');
  return readCsvFile(join(dir, 'villages.csv'))
    .map((v) => v.code)
    .filter((code) => code.startsWith(`${kabupatenKode}.`));
}

/**
 * Writes a population of `people` to `path`: households of 3–5 (a head, a spouse, children,
 * sometimes a grandparent) spread over every desa of the kabupaten, 10 % of people without
 * NIK, valid NIKs and KK numbers, 40 % of families in DTKS, PPKS where they fit (lansia,
 * disabilitas, fakir miskin). `sample(p)` is called for some people, to pick search queries.
 */
export async function writePopulation(
  path: string,
  people: number,
  kabupatenKode: string,
  sample: (p: Person) => void,
): Promise<void> {
  const rand = random(20261125);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const desa = desaOf(kabupatenKode);
  const serials = new Map<string, number>();
  const next = (prefix: string): string => {
    const n = (serials.get(prefix) ?? 0) + 1;
    serials.set(prefix, n);
    return `${prefix}${pad(n, 4)}`;
  };
  const digits = (kode: string): string => kode.replace(/\./g, '').slice(0, 6);
  // Born in 2025 at the latest, so no birth date lies after the import day.
  const birth = (age: number): { iso: string; ddmmyy: [number, number, number] } => {
    const year = 2025 - age;
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    return { iso: `${year}-${pad(month)}-${pad(day)}`, ddmmyy: [day, month, year % 100] };
  };
  // Given names are skewed (a few very common), second and third names uniform.
  const given = (sex: 'L' | 'P'): string => {
    const names = sex === 'L' ? MALE : FEMALE;
    return names[Math.floor(rand() ** 2 * names.length)];
  };
  const name = (sex: 'L' | 'P'): string => {
    const r = rand();
    if (r < 0.2) return given(sex);
    if (r < 0.75) return `${given(sex)} ${pick(SECOND)}`;
    return `${given(sex)} ${pick(sex === 'L' ? MALE : FEMALE)} ${pick(SECOND)}`;
  };

  const out = createWriteStream(path);
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(HEADER.join(',') + '\n');
  let written = 0;
  let family = 0;
  let buffer: string[] = [];
  while (written < people) {
    family++;
    const desaKode = pick(desa);
    const kec = digits(desaKode);
    const issued = `${pad(1 + Math.floor(rand() * 28))}${pad(1 + Math.floor(rand() * 12))}${pad(10 + Math.floor(rand() * 15))}`;
    const noKk = next(`${kec}${issued}`);
    const inDtks = rand() < 0.4;
    const desil = inDtks ? 1 + Math.floor(rand() * 4) : null;
    const dtksId = inDtks ? `DTKS-${pad(family, 7)}` : '';
    const alamat = `RT ${pad(1 + Math.floor(rand() * 12))} Desa ${desaKode.slice(-4)}`;
    const size = Math.min(3 + Math.floor(rand() * 3), people - written);
    const headAge = 25 + Math.floor(rand() * 50);
    const members: { sex: 'L' | 'P'; age: number; rel: string }[] = [
      { sex: rand() < 0.85 ? 'L' : 'P', age: headAge, rel: 'KEPALA_KELUARGA' },
    ];
    if (size > 1)
      members.push({
        sex: members[0].sex === 'L' ? 'P' : 'L',
        age: Math.max(18, headAge - 4 + Math.floor(rand() * 8)),
        rel: members[0].sex === 'L' ? 'ISTRI' : 'SUAMI',
      });
    while (members.length < size) {
      const grandparent = members.length === 4 && rand() < 0.5;
      members.push(
        grandparent
          ? {
              sex: rand() < 0.5 ? 'L' : 'P',
              age: headAge + 22 + Math.floor(rand() * 10),
              rel: 'ORANG_TUA',
            }
          : {
              sex: rand() < 0.5 ? 'L' : 'P',
              age: Math.max(0, headAge - 20 - Math.floor(rand() * 18)),
              rel: 'ANAK',
            },
      );
    }
    for (const [i, m] of members.entries()) {
      const b = birth(m.age);
      const [dd, mm, yy] = b.ddmmyy;
      const withNik = rand() >= 0.1;
      const nik = withNik
        ? next(`${kec}${pad(m.sex === 'P' ? dd + 40 : dd)}${pad(mm)}${pad(yy)}`)
        : '';
      const ppks: string[] = [];
      if (m.age >= 60 && rand() < 0.3) ppks.push('LANJUT_USIA_TERLANTAR');
      if (rand() < 0.02) ppks.push('PENYANDANG_DISABILITAS');
      if (i === 0 && desil === 1) ppks.push('FAKIR_MISKIN');
      const person: Person = {
        nik,
        noKk,
        name: name(m.sex),
        sex: m.sex,
        birthDate: b.iso,
        desaKode,
      };
      if (rand() < 0.001) sample(person);
      buffer.push(
        [
          nik,
          noKk,
          person.name,
          m.sex,
          b.iso,
          'Balangan',
          desaKode,
          alamat,
          m.rel,
          ppks.join('|'),
          dtksId,
          desil ?? '',
        ].join(','),
      );
      written++;
    }
    if (buffer.length >= 5_000) {
      await write(buffer.join('\n') + '\n');
      buffer = [];
    }
  }
  if (buffer.length) await write(buffer.join('\n') + '\n');
  out.end();
  await once(out, 'finish');
}
