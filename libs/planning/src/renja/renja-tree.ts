import { RenjaKegiatanNode, RenjaLine, RenjaProgramNode, RenjaTree } from './renja.types';

/**
 * Groups a year's lines (in code order) into program → kegiatan → sub-kegiatan. Kegiatan and
 * program pagu are the exact sums of what is under them; the Renja never types them.
 */
export function buildRenjaTree(
  year: number,
  versi: RenjaTree['versi'],
  lines: RenjaLine[],
  names: Map<string, string>,
): RenjaTree {
  const programs = new Map<string, RenjaProgramNode>();
  const kegiatan = new Map<string, RenjaKegiatanNode>();
  for (const line of lines) {
    let program = programs.get(line.programKode);
    if (!program) {
      program = {
        kode: line.programKode,
        nama: names.get(line.programKode) ?? line.programKode,
        pagu: 0n,
        kegiatan: [],
      };
      programs.set(program.kode, program);
    }
    let node = kegiatan.get(line.kegiatanKode);
    if (!node) {
      node = {
        kode: line.kegiatanKode,
        nama: names.get(line.kegiatanKode) ?? line.kegiatanKode,
        pagu: 0n,
        subKegiatan: [],
      };
      kegiatan.set(node.kode, node);
      program.kegiatan.push(node);
    }
    node.subKegiatan.push(line);
    node.pagu += line.pagu;
    program.pagu += line.pagu;
  }
  const all = [...programs.values()];
  return { year, versi, pagu: all.reduce((sum, p) => sum + p.pagu, 0n), programs: all };
}
