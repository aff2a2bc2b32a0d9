/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 17 characters and a check character,
 * drawn from the 31 characters below (no I, O, S, V, Z).
 */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type UsccProblem =
  { kind: 'length'; length: number } | { kind: 'char'; position: number; char: string } | { kind: 'check'; expected: string };

/** Upper-cases and strips spaces, full-width characters folded to ASCII. */
export function normaliseUscc(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .toUpperCase();
}

/** The check character for the first 17 characters (which must be from the charset). */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** Validates a normalised code; returns the first problem found, or null when the code is valid. */
export function checkUscc(code: string): UsccProblem | null {
  if (code.length !== 18) return { kind: 'length', length: [...code].length };
  for (let i = 0; i < 18; i++) {
    const char = code.charAt(i);
    if (!USCC_CHARSET.includes(char)) return { kind: 'char', position: i + 1, char };
  }
  const expected = usccCheckChar(code.slice(0, 17));
  return expected === code.charAt(17) ? null : { kind: 'check', expected };
}
