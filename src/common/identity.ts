/**
 * Resident identity numbers (居民身份证号码, GB 11643-1999) and mobile phone numbers: normalising what
 * people type or spreadsheets hold, and saying precisely what is wrong with the rest.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Province-level codes (GB/T 2260) plus 81/82/83 (residence permits of Hong Kong, Macao, Taiwan residents). */
const REGION_PREFIXES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

export type IdProblem =
  | { kind: 'empty' }
  | { kind: 'scientific'; shown: string } // Excel turned it into a number: digits are lost
  | { kind: 'legacy15' }
  | { kind: 'length'; length: number }
  | { kind: 'char'; position: number; char: string }
  | { kind: 'region'; prefix: string }
  | { kind: 'birthdate'; date: string }
  | { kind: 'check'; expected: string; got: string };

export type IdFacts = { id: string; birthDate: string; gender: 'male' | 'female'; regionCode: string };

/** Folds full-width characters to ASCII and removes every kind of space; lower-case x becomes X. */
export function normaliseIdNumber(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u00A0\u3000\u200B-\u200D\uFEFF'"]/g, '')
    .toUpperCase();
}

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * WEIGHTS[i]!;
  return CHECK_CHARS.charAt(sum % 11);
}

function isRealDate(yyyymmdd: string, today: Date): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  return date.getTime() <= today.getTime();
}

/**
 * Checks an identity number after normalising it. Returns the normalised number with the facts it
 * encodes (birth date, gender), or the first problem found.
 */
export function parseIdNumber(input: string, today = new Date()): { ok: true; facts: IdFacts } | { ok: false; problem: IdProblem } {
  const raw = input.trim();
  if (raw === '') return { ok: false, problem: { kind: 'empty' } };
  if (/^\d(\.\d+)?E\+?\d+$/i.test(raw.replace(/\s/g, ''))) return { ok: false, problem: { kind: 'scientific', shown: raw } };
  const id = normaliseIdNumber(raw);
  if (/^\d{15}$/.test(id)) return { ok: false, problem: { kind: 'legacy15' } };
  if (id.length !== 18) return { ok: false, problem: { kind: 'length', length: [...id].length } };
  for (let i = 0; i < 18; i++) {
    const c = id.charAt(i);
    const allowed = i === 17 ? /[0-9X]/ : /[0-9]/;
    if (!allowed.test(c)) return { ok: false, problem: { kind: 'char', position: i + 1, char: c } };
  }
  if (!REGION_PREFIXES.has(id.slice(0, 2))) return { ok: false, problem: { kind: 'region', prefix: id.slice(0, 2) } };
  const birth = id.slice(6, 14);
  if (!isRealDate(birth, today)) return { ok: false, problem: { kind: 'birthdate', date: birth } };
  const expected = idCheckChar(id);
  if (expected !== id.charAt(17)) return { ok: false, problem: { kind: 'check', expected, got: id.charAt(17) } };
  return {
    ok: true,
    facts: {
      id,
      birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
      gender: Number(id.charAt(16)) % 2 === 1 ? 'male' : 'female',
      regionCode: id.slice(0, 6),
    },
  };
}

export type PhoneProblem = { kind: 'empty' } | { kind: 'length'; digits: number } | { kind: 'prefix' } | { kind: 'char'; char: string };

/**
 * Normalises a mainland mobile number: full-width digits, spaces, dashes, dots, brackets and a +86 / 0086 / 86
 * prefix are removed. Valid: 11 digits starting 1[3-9].
 */
export function parsePhone(input: string): { ok: true; phone: string } | { ok: false; problem: PhoneProblem } {
  const folded = input.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
  if (folded === '') return { ok: false, problem: { kind: 'empty' } };
  let digits = folded.replace(/[\s\u00A0\u3000\-.()（）]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  const bad = /[^0-9]/.exec(digits);
  if (bad) return { ok: false, problem: { kind: 'char', char: bad[0] } };
  if (digits.length !== 11) return { ok: false, problem: { kind: 'length', digits: digits.length } };
  if (!/^1[3-9]/.test(digits)) return { ok: false, problem: { kind: 'prefix' } };
  return { ok: true, phone: digits };
}

/** `110105********1234`: region code and last four only. */
export function maskIdNumber(id: string): string {
  return id.length === 18 ? `${id.slice(0, 6)}********${id.slice(14)}` : '*'.repeat(Math.max(id.length, 4));
}

/** `138****5678`. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '*'.repeat(Math.max(phone.length, 4));
}

/** `张*`, `欧阳**`: surname kept (two characters for compound surnames of four-character names). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  const keep = chars.length >= 4 ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep);
}

/** Percent-encoded runs decoded (up to three layers, `%2531` → `%31` → `1`); a run that is not UTF-8 keeps its non-ASCII bytes encoded. */
function decodePercent(text: string): string {
  let current = text;
  for (let layer = 0; layer < 3; layer++) {
    const next = current.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        // Not UTF-8 as a whole: decode at least the ASCII bytes, which is where digits hide.
        return run.replace(/%([0-7][0-9A-Fa-f])/g, (escape, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      }
    });
    if (next === current) break;
    current = next;
  }
  return current;
}

/** Separators people put inside a number: spaces (and `+`, a space in a query string), dashes, dots, brackets. */
const NUMBER_SEPARATOR = '[\\s\\u00A0\\u2010-\\u2015\\-.()（）+_]';
/** A run of digits, at most three separators between two digits, perhaps ending with the X of an identity number. */
const NUMBER_RUN = new RegExp(`[0-9](?:${NUMBER_SEPARATOR}{0,3}[0-9])*(?:${NUMBER_SEPARATOR}{0,3}[Xx](?![A-Za-z0-9]))?`, 'g');

function maskNumberRun(run: string): string {
  const digits = run.replace(/[^0-9Xx]/g, '').toUpperCase();
  if (digits.length < 11) return run;
  const international = /^(0086|86)(1[3-9][0-9]{9})$/.exec(digits);
  if (international) return `${international[1]} ${maskPhone(international[2]!)}`;
  if (/^1[3-9][0-9]{9}$/.test(digits)) return maskPhone(digits);
  if (digits.length === 18) return maskIdNumber(digits);
  // Anything else this long (a 15-digit identity number, two numbers run together): only the ends stay.
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/**
 * Masks every identity number and mobile number inside free text (URLs, log lines): what a search for
 * `?q=110105194912310021` would otherwise leave in a log. Disguises are seen through first: percent-encoding,
 * full-width characters, `+86`/`0086`, spaces, dashes and dots inside the number. Any run of 11 or more digits
 * is masked, so a number this does not recognise errs towards hiding.
 */
export function maskPersonalNumbers(text: string): string {
  const plain = decodePercent(text)
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
  return plain.replace(NUMBER_RUN, maskNumberRun);
}
