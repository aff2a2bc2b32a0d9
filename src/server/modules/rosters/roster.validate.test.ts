import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnForHeader, employmentFormFromLabel, EMPLOYMENT_FORM_CHOICES } from './roster.columns.js';
import { describeProblem, describeProblems, type RowProblem } from './roster.problems.js';
import { readRoster, type RosterRow } from './roster.read.js';
import { createDuplicateTracker, normaliseName, parseJoinDate, validateRosterRow, type RowValidation } from './roster.validate.js';
import { FIXTURES } from './roster.test-support.js';

const today = new Date('2026-11-21T00:00:00Z');

function rowOf(cells: Partial<RosterRow['cells']>, rowNumber = 2): RosterRow {
  const full = {
    name: '张三',
    idNumber: '11010519491231002X',
    phone: '13812345678',
    gender: '女',
    employmentForm: '全日制',
    employerName: '北京市自来水集团',
    joinDate: '2020-05-01',
    employerUscc: '',
    ...cells,
  };
  return { rowNumber, cells: full, raw: Object.values(full) };
}

const codes = (result: RowValidation) => (result.ok ? [] : result.problems.map((p) => p.code));

/** Each row's problems as `CODE{params}` strings, empty for a valid row. */
async function problemsOf(file: string): Promise<Map<number, string[]>> {
  const duplicates = createDuplicateTracker();
  const byRow = new Map<number, string[]>();
  for await (const row of readRoster(path.join(FIXTURES, file))) {
    const result = validateRosterRow(row, { today, duplicates });
    byRow.set(row.rowNumber, result.ok ? [] : result.problems.map((p) => `${p.code}${JSON.stringify(p.params)}`));
  }
  return byRow;
}

describe('the fixture rosters', () => {
  it('accepts every row of roster-clean.xlsx', async () => {
    const byRow = await problemsOf('roster-clean.xlsx');
    expect(byRow.size).toBe(200);
    expect([...byRow.values()].filter((p) => p.length > 0)).toEqual([]);
  });

  it('finds exactly the planted problems in roster-messy.xlsx, at their rows', async () => {
    const clean = await problemsOf('roster-clean.xlsx');
    const messy = await problemsOf('roster-messy.xlsx');
    const planted = new Map<number, string[]>();
    for (const [row, problems] of messy) if (JSON.stringify(problems) !== JSON.stringify(clean.get(row))) planted.set(row, problems);
    expect(Object.fromEntries(planted)).toEqual({
      5: ['NAME_MISSING{}'],
      69: ['PHONE_LENGTH{"digits":8}'],
      71: ['ID_CHECK{"expected":"0","got":"1"}'],
      82: ['ID_DUPLICATE{"firstRow":62}'],
      91: ['ID_LEGACY15{}'],
      109: ['NAME_FORMULA{}'],
      185: ['JOIN_DATE_IMPOSSIBLE{"value":"2023年13月40日"}'],
    });
    for (const row of [13, 41, 98, 146]) expect(messy.get(row), `row ${row}`).toEqual(clean.get(row));
  });

  it('normalises the rows planted to be valid after normalising', async () => {
    const values = new Map<number, unknown>();
    for await (const row of readRoster(path.join(FIXTURES, 'roster-messy.xlsx'))) {
      if ([13, 41, 98, 146].includes(row.rowNumber)) {
        // row 98 also carries the fixture's under-16 join date; this test is about the ID number and phone
        const result = validateRosterRow({ ...row, cells: { ...row.cells, joinDate: '2024-01-01' } }, { today });
        values.set(row.rowNumber, result.ok ? { idNumber: result.value.idNumber, phone: result.value.phone } : result.problems);
      }
    }
    expect(Object.fromEntries(values)).toEqual({
      13: { idNumber: '11010719831224658X', phone: '13695443316' },
      41: { idNumber: '110105198603259468', phone: '17008721672' },
      98: { idNumber: '110107200211031782', phone: '14657830695' },
      146: { idNumber: '110107196703018323', phone: '13911897680' },
    });
  });

  it('reports every number of roster-id-as-number.xlsx that Excel made scientific, and says so in Chinese', async () => {
    const byRow = await problemsOf('roster-id-as-number.xlsx');
    const scientific = [...byRow.values()].filter((p) => p.some((c) => c.startsWith('ID_SCIENTIFIC')));
    // 184 numbers became numbers; the 16 ending in X stayed text (and are checked like any other)
    expect(scientific).toHaveLength(184);
    expect([...byRow.values()].flat().filter((c) => c.startsWith('ID_') && !c.startsWith('ID_SCIENTIFIC'))).toEqual([]);
    expect(describeProblem({ column: '身份证号', code: 'ID_SCIENTIFIC', params: { shown: '1.10112199904264E+17' } }, 'zh-CN')).toBe(
      '身份证号被 Excel 转成了科学计数法（1.10112199904264E+17），后几位已丢失，请把该列设为文本后重新填写',
    );
  });

  it.each(['roster-gbk.csv', 'roster-utf8.csv'])('accepts every row of %s', async (file) => {
    const byRow = await problemsOf(file);
    expect(byRow.size).toBe(100);
    expect([...byRow.values()].flat()).toEqual([]);
  });
});

describe('validating one row', () => {
  it('normalises a valid row', () => {
    const result = validateRosterRow(
      rowOf({ name: ' 张 三 ', idNumber: '１１０１０５１９４９１２３１００２ｘ', phone: '+86 138-1234-5678', employmentForm: '劳务派遣' }),
      { today },
    );
    expect(result).toEqual({
      ok: true,
      value: {
        rowNumber: 2,
        name: '张三',
        idNumber: '11010519491231002X',
        birthDate: '1949-12-31',
        gender: 'female',
        phone: '13812345678',
        employmentForm: 'standard',
        employerName: '北京市自来水集团',
        employerUscc: null,
        joinDate: '2020-05-01',
      },
    });
  });

  it('reports all problems of a row, not just the first', () => {
    const result = validateRosterRow(
      rowOf({
        name: '',
        idNumber: '110105194912310021',
        phone: '1381234',
        gender: '未知',
        employmentForm: '临时工',
        employerName: '',
        joinDate: '2023-02-30',
      }),
      { today },
    );
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toEqual([
      { column: '姓名', code: 'NAME_MISSING', params: {} },
      { column: '身份证号', code: 'ID_CHECK', params: { expected: 'X', got: '1' } },
      { column: '手机号', code: 'PHONE_LENGTH', params: { digits: 7 } },
      { column: '性别', code: 'GENDER_INVALID', params: { value: '未知' } },
      { column: '用工形式', code: 'EMPLOYMENT_FORM_UNKNOWN', params: { value: '临时工', choices: EMPLOYMENT_FORM_CHOICES.join(',') } },
      { column: '所在单位', code: 'EMPLOYER_MISSING', params: {} },
      { column: '入会日期', code: 'JOIN_DATE_IMPOSSIBLE', params: { value: '2023-02-30' } },
    ]);
    expect(describeProblems(result.ok ? [] : result.problems, 'zh-CN')).toBe(
      '姓名未填写；身份证号校验位错误：末位应为 X，请核对；手机号应为 11 位数字，当前为 7 位；性别只能填“男”或“女”，当前为“未知”；' +
        '用工形式“临时工”无法识别，请从下拉列表选择：全日制、劳动合同、劳务派遣、非全日制、快递员、外卖骑手、网约车司机、货车司机、其他新就业形态；' +
        '所在单位未填写；入会日期“2023-02-30”不存在',
    );
  });

  it('rejects names that look like formulas, are too long or hold digits', () => {
    for (const name of ['=HYPERLINK("http://x","点我")', '+张三', '-1', '@SUM(A1)', "'=1+1"]) {
      expect(codes(validateRosterRow(rowOf({ name }), { today })), name).toEqual(['NAME_FORMULA']);
    }
    expect(codes(validateRosterRow(rowOf({ name: '张'.repeat(51) }), { today }))).toEqual(['NAME_TOO_LONG']);
    expect(codes(validateRosterRow(rowOf({ name: '张三1' }), { today }))).toEqual(['NAME_CHARS']);
    expect(normaliseName('买买提.艾力')).toBe('买买提·艾力');
    expect(normaliseName('  Ｍａｒｙ   Ｓｍｉｔｈ ')).toBe('Mary Smith');
    expect(normaliseName('欧阳\u3000娜娜')).toBe('欧阳娜娜');
  });

  it('says clearly what is wrong with a 15-digit or mangled ID number', () => {
    expect(describeProblem({ column: '身份证号', code: 'ID_LEGACY15', params: {} }, 'zh-CN')).toBe('15 位旧身份证号，请提供 18 位号码');
    expect(describeProblem({ column: '身份证号', code: 'ID_CHECK', params: { expected: 'X', got: '1' } }, 'en')).toBe(
      'The ID number fails its check: the last character should be X; please verify it',
    );
  });

  it('checks the gender column against the ID number, and allows it empty', () => {
    const mismatch = validateRosterRow(rowOf({ gender: '男' }), { today });
    expect(mismatch.ok ? [] : mismatch.problems).toEqual([
      { column: '性别', code: 'GENDER_MISMATCH', params: { given: 'male', fromId: 'female' } },
    ]);
    expect(describeProblem((mismatch.ok ? [] : mismatch.problems)[0]!, 'zh-CN')).toBe('性别填写为“男”，但身份证号显示为“女”，请核对');
    expect(validateRosterRow(rowOf({ gender: '' }), { today }).ok).toBe(true);
    expect(validateRosterRow(rowOf({ gender: '女性' }), { today }).ok).toBe(true);
  });

  it('requires the phone, and the employer unless the member is a gig worker', () => {
    expect(codes(validateRosterRow(rowOf({ phone: '' }), { today }))).toEqual(['PHONE_MISSING']);
    expect(codes(validateRosterRow(rowOf({ employerName: '' }), { today }))).toEqual(['EMPLOYER_MISSING']);
    const rider = validateRosterRow(rowOf({ employmentForm: '外卖送餐员', employerName: '  ' }), { today });
    expect(rider.ok && rider.value).toMatchObject({ employmentForm: 'delivery_rider', employerName: null });
  });

  it('maps every employment-form label to its code', () => {
    expect(['全日制', '劳动合同', '劳务派遣', '非全日制'].map(employmentFormFromLabel)).toEqual([
      'standard',
      'standard',
      'standard',
      'standard',
    ]);
    expect(['快递员', '外卖骑手', '外卖员', '外卖送餐员', '网约车司机', '货车司机', '其他新就业形态'].map(employmentFormFromLabel)).toEqual(
      ['courier', 'delivery_rider', 'delivery_rider', 'delivery_rider', 'ride_hailing', 'truck_driver', 'other_gig'],
    );
    expect(employmentFormFromLabel('临时工')).toBeUndefined();
    expect(columnForHeader(' 身份证号码（必填）* ')).toBe('idNumber');
    expect(columnForHeader('联系电话')).toBe('phone');
  });

  it('reads join dates as cadres write them and rejects impossible, future and under-age ones', () => {
    for (const text of [
      '2024-05-01',
      '2024/5/1',
      '2024.5.1',
      '2024年5月1日',
      '2024年05月01',
      '20240501',
      '2024-05-01 00:00:00',
      '２０２４－０５－０１',
    ]) {
      expect(parseJoinDate(text), text).toEqual({ ok: true, date: '2024-05-01' });
    }
    expect(parseJoinDate('2024-05')).toEqual({ ok: false, reason: 'format' });
    expect(parseJoinDate('去年')).toEqual({ ok: false, reason: 'format' });
    for (const text of ['2023-02-30', '2023年13月40日', '2023-00-10', '1800-01-01'])
      expect(parseJoinDate(text), text).toEqual({ ok: false, reason: 'impossible' });
    expect(codes(validateRosterRow(rowOf({ joinDate: '2026-11-22' }), { today }))).toEqual(['JOIN_DATE_FUTURE']);
    expect(codes(validateRosterRow(rowOf({ joinDate: '2026-11-21' }), { today }))).toEqual([]);
    const early = validateRosterRow(rowOf({ joinDate: '1949-12-30' }), { today });
    expect(early.ok ? [] : early.problems).toEqual([
      { column: '入会日期', code: 'JOIN_DATE_TOO_EARLY', params: { value: '1949-12-30', earliest: '1949-12-31' } },
    ]);
    expect(validateRosterRow(rowOf({ joinDate: '1949-12-31' }), { today }).ok).toBe(true);
    expect(codes(validateRosterRow(rowOf({ joinDate: '' }), { today }))).toEqual(['JOIN_DATE_MISSING']);
  });

  it('reports a repeated ID number with the row where it was first seen', () => {
    const duplicates = createDuplicateTracker();
    expect(validateRosterRow(rowOf({}, 82), { today, duplicates }).ok).toBe(true);
    const again = validateRosterRow(rowOf({ idNumber: '11010519491231002x' }, 140), { today, duplicates });
    const problem: RowProblem = { column: '身份证号', code: 'ID_DUPLICATE', params: { firstRow: 82 } };
    expect(again.ok ? [] : again.problems).toEqual([problem]);
    expect(describeProblem(problem, 'zh-CN')).toBe('与第 82 行身份证号重复');
    expect(duplicates.size).toBe(1);
  });

  it('refuses an employer name starting with a full-width ＝ ＋ － ＠, and takes back the apostrophe the error file put before one', () => {
    for (const employerName of ['＝HYPERLINK("http://x")', '＋1', '－1', '＠SUM(A1)']) {
      expect(codes(validateRosterRow(rowOf({ employerName }), { today })), employerName).toEqual(['EMPLOYER_FORMULA']);
      expect(codes(validateRosterRow(rowOf({ employerName: `'${employerName}` }), { today })), employerName).toEqual(['EMPLOYER_FORMULA']);
    }
  });

  it('takes back the apostrophe the error file put before a + or =', () => {
    const result = validateRosterRow(rowOf({ phone: "'+86 138 1234 5678" }), { today });
    expect(result.ok && result.value.phone).toBe('13812345678');
  });
});
