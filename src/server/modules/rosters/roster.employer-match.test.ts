import { describe, expect, it } from 'vitest';
import { createEmployerMatcher, employerNameKey, usccInCell } from './roster.employer-match.js';

describe('employer names on a roster', () => {
  it('folds spaces, full-width letters, brackets and 有限责任公司 into one key', () => {
    const key = employerNameKey('北京顺丰速运有限公司（朝阳分公司）');
    expect(employerNameKey(' 北京 顺丰速运有限责任公司(朝阳分公司) ')).toBe(key);
    expect(employerNameKey('北京顺丰速运股份有限公司（朝阳分公司）')).toBe(key);
    expect(employerNameKey('ＡＢＣ科技有限公司')).toBe(employerNameKey('abc科技有限公司'));
    expect(employerNameKey('北京顺丰速运有限公司')).not.toBe(key);
  });

  it('reads a USCC that is the whole cell or bracketed after the name', () => {
    expect(usccInCell(' 91110105ma01abcd1x ')).toBe('91110105MA01ABCD1X');
    expect(usccInCell('某某公司（91110105MA01ABCD1X）')).toBe('91110105MA01ABCD1X');
    expect(usccInCell('某某公司')).toBeNull();
  });

  it('matches by USCC, then by exact folded name, and never a name two covered employers share', () => {
    const match = createEmployerMatcher([
      { id: 1, name: '北京自来水集团有限责任公司', uscc: '91110105MA01ABCD1X' },
      { id: 2, name: '朝阳物业有限公司', uscc: null },
      { id: 3, name: '同名有限公司', uscc: null },
      { id: 4, name: '同名有限责任公司', uscc: null },
    ]);
    expect(match('91110105MA01ABCD1X')?.id).toBe(1);
    expect(match('自来水（91110105MA01ABCD1X）')?.id).toBe(1);
    expect(match('北京自来水集团有限公司')?.id).toBe(1);
    expect(match('朝阳物业有限责任公司')?.id).toBe(2);
    expect(match('朝阳物业')).toBeNull();
    expect(match('同名有限公司')).toBeNull();
    expect(match('自来水', '91110105MA01ABCD1X')?.id).toBe(1); // the 统一社会信用代码 column
    expect(match('朝阳物业有限公司', '91110105MA01ABCD2Y')?.id).toBe(2); // a USCC on no record: the name still matches
  });
});
