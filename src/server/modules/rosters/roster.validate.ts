import { parseIdNumber, parsePhone, type IdProblem, type PhoneProblem } from '../../../common/identity.js';
import {
  EMPLOYMENT_FORM_CHOICES,
  employmentFormFromLabel,
  isGigForm,
  MAX_EMPLOYER_CHARS,
  MAX_NAME_CHARS,
  type EmploymentFormCode,
} from './roster.columns.js';
import type { RowProblem } from './roster.problems.js';
import type { RosterRow } from './roster.read.js';
import type { DuplicateTracker } from './roster.duplicates.js';

export { createDuplicateTracker, type DuplicateTracker } from './roster.duplicates.js';

/**
 * A roster row ready to become a membership application. The phone is required: unions reach members by it
 * (notices, card activation), and a roster without it would leave the member unreachable. The employer may be
 * empty for gig workers (快递员, 外卖骑手 …), who belong through a joint union or a service station.
 */
export type NormalisedRow = {
  rowNumber: number;
  name: string;
  idNumber: string;
  birthDate: string;
  gender: 'male' | 'female';
  phone: string;
  employmentForm: EmploymentFormCode;
  employerName: string | null;
  /** The employer's 统一社会信用代码 when the roster has the column and it is well-formed (folded to upper case). */
  employerUscc: string | null;
  joinDate: string;
};

export type ValidationContext = { today?: Date; duplicates?: DuplicateTracker };

export type RowValidation = { ok: true; value: NormalisedRow } | { ok: false; problems: RowProblem[] };

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

function foldWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

function stripInvisible(text: string): string {
  return text.replace(/[\u200B-\u200D\uFEFF]/g, '');
}

/** Chinese names lose every space (张 三 → 张三) and write the separator of transliterated names as '·'. */
export function normaliseName(input: string): string {
  const text = stripInvisible(input).trim();
  if (/\p{Script=Han}/u.test(text)) {
    return text.replace(/[\s\u3000]+/g, '').replace(/(?<=\p{Script=Han})[.．・•‧∙⋅]+(?=\p{Script=Han})/gu, '·');
  }
  return foldWidth(text).replace(/\s+/g, ' ').trim();
}

function checkName(raw: string, problems: RowProblem[]): string | undefined {
  const name = normaliseName(raw);
  const problem = (code: RowProblem['code'], params: RowProblem['params'] = {}) => problems.push({ column: '姓名', code, params });
  if (name === '') return void problem('NAME_MISSING');
  if (FORMULA_START.test(name)) return void problem('NAME_FORMULA');
  const length = [...name].length;
  if (length > MAX_NAME_CHARS) return void problem('NAME_TOO_LONG', { length, max: MAX_NAME_CHARS });
  const bad = /[^\p{L}\p{M}·' -]/u.exec(name);
  if (bad) return void problem('NAME_CHARS', { char: bad[0] });
  return name;
}

function idProblem(problem: IdProblem): RowProblem {
  const column = '身份证号';
  switch (problem.kind) {
    case 'empty':
      return { column, code: 'ID_MISSING', params: {} };
    case 'scientific':
      return { column, code: 'ID_SCIENTIFIC', params: { shown: problem.shown } };
    case 'legacy15':
      return { column, code: 'ID_LEGACY15', params: {} };
    case 'length':
      return { column, code: 'ID_LENGTH', params: { length: problem.length } };
    case 'char':
      return { column, code: 'ID_CHAR', params: { position: problem.position, char: problem.char } };
    case 'region':
      return { column, code: 'ID_REGION', params: { prefix: problem.prefix } };
    case 'birthdate':
      return { column, code: 'ID_BIRTHDATE', params: { date: problem.date } };
    case 'check':
      return { column, code: 'ID_CHECK', params: { expected: problem.expected, got: problem.got } };
  }
}

function phoneProblem(problem: PhoneProblem): RowProblem {
  const column = '手机号';
  switch (problem.kind) {
    case 'empty':
      return { column, code: 'PHONE_MISSING', params: {} };
    case 'length':
      return { column, code: 'PHONE_LENGTH', params: { digits: problem.digits } };
    case 'prefix':
      return { column, code: 'PHONE_PREFIX', params: {} };
    case 'char':
      return { column, code: 'PHONE_CHAR', params: { char: problem.char } };
  }
}

function parseGender(raw: string): 'male' | 'female' | 'blank' | undefined {
  const text = foldWidth(raw).trim().toLowerCase();
  if (text === '') return 'blank';
  if (['男', '男性', 'm', 'male'].includes(text)) return 'male';
  if (['女', '女性', 'f', 'female'].includes(text)) return 'female';
  return undefined;
}

/** Today's date in China (UTC+8, no daylight saving), the calendar the rosters are written in. */
function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Reads 2024-05-01, 2024/5/1, 2024.5.1, 2024年5月1日 and 20240501 (a time after the date is ignored).
 * `impossible` when it has the shape of a date but no such day exists (2023-02-30, 2023年13月40日).
 */
export function parseJoinDate(raw: string): { ok: true; date: string } | { ok: false; reason: 'missing' | 'format' | 'impossible' } {
  const text = foldWidth(raw).trim();
  if (text === '') return { ok: false, reason: 'missing' };
  const match =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(text) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return { ok: false, reason: 'format' };
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || m < 1 || m > 12 || d < 1 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, reason: 'impossible' };
  }
  return { ok: true, date: date.toISOString().slice(0, 10) };
}

/** A re-uploaded error file carries the apostrophe that kept `+86 138…` from being a formula: drop it. */
function unneutralise(cells: RosterRow['cells']): RosterRow['cells'] {
  const strip = (text: string) => text.replace(/^'(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/, '');
  return {
    name: strip(cells.name),
    idNumber: strip(cells.idNumber),
    phone: strip(cells.phone),
    gender: strip(cells.gender),
    employmentForm: strip(cells.employmentForm),
    employerName: strip(cells.employerName),
    joinDate: strip(cells.joinDate),
    employerUscc: strip(cells.employerUscc),
  };
}

/**
 * Checks one roster row and normalises it. Every problem of the row is reported, not just the first, so a
 * cadre fixes the row once. With `ctx.duplicates`, an ID number seen on an earlier row of the file is a
 * problem of this row (the earlier row keeps it).
 */
export function validateRosterRow(row: RosterRow, ctx: ValidationContext = {}): RowValidation {
  const now = ctx.today ?? new Date();
  const today = chinaDate(now);
  const problems: RowProblem[] = [];
  const cells = unneutralise(row.cells);

  const name = checkName(cells.name, problems);

  const id = parseIdNumber(cells.idNumber, now);
  if (!id.ok) problems.push(idProblem(id.problem));
  else if (ctx.duplicates) {
    const firstRow = ctx.duplicates.see(id.facts.id, row.rowNumber);
    if (firstRow !== undefined) problems.push({ column: '身份证号', code: 'ID_DUPLICATE', params: { firstRow } });
  }

  const phone = parsePhone(cells.phone);
  if (!phone.ok) problems.push(phoneProblem(phone.problem));

  const gender = parseGender(cells.gender);
  if (gender === undefined) problems.push({ column: '性别', code: 'GENDER_INVALID', params: { value: cells.gender.trim() } });
  else if (gender !== 'blank' && id.ok && gender !== id.facts.gender) {
    problems.push({ column: '性别', code: 'GENDER_MISMATCH', params: { given: gender, fromId: id.facts.gender } });
  }

  const formLabel = cells.employmentForm.trim();
  const employmentForm = formLabel === '' ? undefined : employmentFormFromLabel(formLabel);
  if (formLabel === '') problems.push({ column: '用工形式', code: 'EMPLOYMENT_FORM_MISSING', params: {} });
  else if (!employmentForm) {
    problems.push({
      column: '用工形式',
      code: 'EMPLOYMENT_FORM_UNKNOWN',
      params: { value: formLabel, choices: EMPLOYMENT_FORM_CHOICES.join(',') },
    });
  }

  const employerName = stripInvisible(cells.employerName)
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
  if (employerName === '') {
    if (!employmentForm || !isGigForm(employmentForm)) problems.push({ column: '所在单位', code: 'EMPLOYER_MISSING', params: {} });
  } else if (FORMULA_START.test(employerName)) problems.push({ column: '所在单位', code: 'EMPLOYER_FORMULA', params: {} });
  else if ([...employerName].length > MAX_EMPLOYER_CHARS) {
    problems.push({ column: '所在单位', code: 'EMPLOYER_TOO_LONG', params: { max: MAX_EMPLOYER_CHARS } });
  }

  const join = parseJoinDate(cells.joinDate);
  const shown = cells.joinDate.trim();
  if (!join.ok) {
    const code = join.reason === 'missing' ? 'JOIN_DATE_MISSING' : join.reason === 'format' ? 'JOIN_DATE_FORMAT' : 'JOIN_DATE_IMPOSSIBLE';
    problems.push({ column: '入会日期', code, params: join.reason === 'missing' ? {} : { value: shown } });
  } else if (join.date > today) problems.push({ column: '入会日期', code: 'JOIN_DATE_FUTURE', params: { value: join.date } });
  else if (id.ok && join.date < id.facts.birthDate) {
    // Only a join date before birth is refused. One before the 16th birthday is implausible but real rosters
    // carry such typos by the dozen (39 of the 200 rows of the clean fixture): the row is imported and the
    // date is left for the unit's data-quality review rather than blocking the member.
    problems.push({ column: '入会日期', code: 'JOIN_DATE_TOO_EARLY', params: { value: join.date, earliest: id.facts.birthDate } });
  }

  if (problems.length > 0 || !name || !id.ok || !phone.ok || !employmentForm || !join.ok) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    value: {
      rowNumber: row.rowNumber,
      name,
      idNumber: id.facts.id,
      birthDate: id.facts.birthDate,
      gender: id.facts.gender,
      phone: phone.phone,
      employmentForm,
      employerName: employerName === '' ? null : employerName,
      employerUscc: usccOf(cells.employerUscc),
      joinDate: join.date,
    },
  };
}

/** A well-formed USCC from its cell (full-width, spaces and case folded), else null: the name is matched instead. */
function usccOf(cell: string): string | null {
  const folded = cell.normalize('NFKC').replace(/\s/g, '').toUpperCase();
  return /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(folded) ? folded : null;
}
