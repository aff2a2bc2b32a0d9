import { describe, expect, it } from 'vitest';
import { locales } from '../../../common/i18n.js';
import { parseIdNumber, parsePhone } from '../../../common/identity.js';
import { idProblemError, phoneProblemError } from '../../../common/identity-errors.js';
import { idProblemText, phoneProblemText } from './identityMessages.js';

const badIds = [
  '',
  '1.10101199003E+17',
  '110101900307123',
  '11010119900307',
  '11010119900307012A',
  '99010119900307012X',
  '110101199002300121',
  '110101199003070120',
];
const badPhones = ['', '1380013800', '12800138000', '138-0013-800O'];

describe('the browser says what the server says', () => {
  it.each(locales)('gives the server message for every kind of wrong ID number (%s)', (locale) => {
    for (const input of badIds) {
      const parsed = parseIdNumber(input);
      if (parsed.ok) throw new Error(`${input} should be invalid`);
      expect(idProblemText(parsed.problem, locale)).toBe(idProblemError(parsed.problem).toBody(locale).message);
    }
  });

  it.each(locales)('gives the server message for every kind of wrong phone number (%s)', (locale) => {
    for (const input of badPhones) {
      const parsed = parsePhone(input);
      if (parsed.ok) throw new Error(`${input} should be invalid`);
      expect(phoneProblemText(parsed.problem, locale)).toBe(phoneProblemError(parsed.problem).toBody(locale).message);
    }
  });

  it('names the expected check character in Chinese', () => {
    const parsed = parseIdNumber('110101199003070120');
    if (parsed.ok) throw new Error('should be invalid');
    expect(idProblemText(parsed.problem, 'zh-CN')).toMatch(/^身份证号校验位错误：末位应为 .，请核对$/);
  });
});
