import { describe, expect, it } from 'vitest';
import { cellText, excelSerialToDate, formatGeneralNumber, isDateFormat } from './cell-text.js';

describe('the text a spreadsheet cell shows', () => {
  it('formats numbers like Excel’s General format', () => {
    expect(formatGeneralNumber(1.10112199904264e17)).toBe('1.10112199904264E+17');
    expect(formatGeneralNumber(110115198703123)).toBe('110115198703123');
    expect(formatGeneralNumber(1234567890123456)).toBe('1.23456789012346E+15');
    expect(formatGeneralNumber(13812345678)).toBe('13812345678');
    expect(formatGeneralNumber(-2.5)).toBe('-2.5');
    expect(cellText({ error: '#N/A' }, undefined)).toBe('#N/A');
    expect(cellText(45000, 'General')).toBe('45000');
    expect(cellText(45000, 'yyyy/m/d')).toBe('2023-03-15');
  });

  it('tells date formats from number formats', () => {
    expect(isDateFormat('yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat('[$-F800]DDDD')).toBe(true);
    expect(isDateFormat('#,##0.00')).toBe(false);
    expect(isDateFormat('"m²"0')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
    expect(isDateFormat(undefined)).toBe(false);
  });

  it('counts a date serial from 1904 in a workbook that says so', () => {
    expect(excelSerialToDate(45000, true)).toBe('2027-03-16');
    expect(cellText(0, 'yyyy-mm-dd', { isDate1904: true })).toBe('1904-01-01');
    expect(cellText({ formula: 'A1+1', result: 45000 }, 'yyyy-mm-dd')).toBe('2023-03-15');
  });

  it('shows nothing for a date-formatted number outside Excel’s calendar, as Excel shows ####', () => {
    expect(cellText(1.10101199003075e17, 'yyyy-mm-dd')).toBe('');
    expect(cellText(-1, 'yyyy-mm-dd')).toBe('');
    expect(cellText(2_958_465, 'yyyy-mm-dd')).toBe('9999-12-31');
    expect(cellText(new Date(Number.NaN), undefined)).toBe('');
  });
});
