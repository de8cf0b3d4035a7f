export type NomenclatureTingkat = 'URUSAN' | 'BIDANG' | 'PROGRAM' | 'KEGIATAN' | 'SUB_KEGIATAN';

export interface ParsedKode {
  /** The canonical dotted form, sub-kegiatan with 4 digits: `1.06.04.2.01.0004`. */
  kode: string;
  tingkat: NomenclatureTingkat;
  /** The code one level up, or null for an urusan. */
  indukKode: string | null;
}

/**
 * Parses a Kemendagri budget code as the agencies write it: dotted or space-separated, with the
 * sub-kegiatan in 2-digit (`1 06 04 2 01 04`) or 4-digit (`1.06.04.2.01.0004`) form.
 * Returns null when the text is not such a code.
 */
export function parseNomenclatureKode(raw: string): ParsedKode | null {
  const parts = raw
    .trim()
    .split(/[.\s]+/)
    .filter(Boolean);
  if (parts.length === 0 || !parts.every((p) => /^\d+$/.test(p))) return null;
  const [urusan, bidang, program, kegiatanJenis, kegiatan, sub] = parts;
  if (!/^\d$/.test(urusan)) return null;
  const two = (p: string): boolean => /^\d{2}$/.test(p);
  switch (parts.length) {
    case 1:
      return { kode: urusan, tingkat: 'URUSAN', indukKode: null };
    case 2:
      if (!two(bidang)) return null;
      return { kode: `${urusan}.${bidang}`, tingkat: 'BIDANG', indukKode: urusan };
    case 3:
      if (!two(bidang) || !two(program)) return null;
      return { kode: parts.join('.'), tingkat: 'PROGRAM', indukKode: `${urusan}.${bidang}` };
    case 5:
      if (!two(bidang) || !two(program) || !/^\d$/.test(kegiatanJenis) || !two(kegiatan))
        return null;
      return {
        kode: parts.join('.'),
        tingkat: 'KEGIATAN',
        indukKode: `${urusan}.${bidang}.${program}`,
      };
    case 6: {
      const induk = parseNomenclatureKode(parts.slice(0, 5).join('.'));
      if (!induk || !/^\d{2}$|^\d{4}$/.test(sub) || Number(sub) === 0) return null;
      return {
        kode: `${induk.kode}.${sub.padStart(4, '0')}`,
        tingkat: 'SUB_KEGIATAN',
        indukKode: induk.kode,
      };
    }
    default:
      return null;
  }
}

const PARTS_AT: Record<NomenclatureTingkat, number> = {
  URUSAN: 1,
  BIDANG: 2,
  PROGRAM: 3,
  KEGIATAN: 5,
  SUB_KEGIATAN: 6,
};

/**
 * The ancestor of a canonical code at `tingkat` (the code itself at its own level):
 * `kodeAt('1.06.04.2.01.0004', 'PROGRAM')` is `1.06.04`. Null when the code is above that level.
 */
export function kodeAt(kode: string, tingkat: NomenclatureTingkat): string | null {
  const parts = kode.split('.');
  return parts.length >= PARTS_AT[tingkat] ? parts.slice(0, PARTS_AT[tingkat]).join('.') : null;
}
