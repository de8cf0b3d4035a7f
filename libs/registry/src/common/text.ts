/** Trims free text; blank becomes null. */
export function cleanText(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** One space between words, none around: names compare and index the same however typed. */
export function normalizeName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}
