/**
 * The heavy libraries, loaded on first use: exceljs, pdfkit, jieba and pinyin-pro. Imported statically, exceljs adds
 * ≈ 25 MB, pdfkit ≈ 15 MB, jieba with its dictionary ≈ 16 MB and pinyin-pro's dictionaries ≈ 9 MB of heap to the
 * resident memory of every server from its start, though most servers sit idle and write a file, read a report or
 * name an organisation or member now and then (#16). A module imports their types with `import type` and their code
 * through these loaders; eslint.config.js refuses a static import of them in server code outside tests.
 */
import type * as JiebaLibrary from '@node-rs/jieba';
import type * as JiebaDictionary from '@node-rs/jieba/dict';
import type ExcelJS from 'exceljs';
import { createRequire } from 'node:module';
import type PDFDocument from 'pdfkit';
import type * as PinyinPro from 'pinyin-pro';

let excelJS: Promise<typeof ExcelJS> | undefined;
let pdfDocument: Promise<typeof PDFDocument> | undefined;
let jieba: JiebaLibrary.Jieba | undefined;
let pinyinPro: typeof PinyinPro | undefined;

/** exceljs (CommonJS: its exports are the default of the ES module Node makes of it). */
export function loadExcelJS(): Promise<typeof ExcelJS> {
  return (excelJS ??= import('exceljs').then((m) => m.default));
}

/** pdfkit's `PDFDocument` class. */
export function loadPdfKit(): Promise<typeof PDFDocument> {
  return (pdfDocument ??= import('pdfkit').then((m) => m.default));
}

/**
 * The process's one jieba segmenter, with jieba's own dictionary (≈ 0.5 s to load; importing `@node-rs/jieba/dict`
 * reads 11 MB of word lists). Synchronous, unlike the loaders above, because the report's organiser finder is: both
 * are required at the first call. Words a caller adds to its dictionary stay there for the next caller.
 */
export function loadJieba(): JiebaLibrary.Jieba {
  if (!jieba) {
    const require = createRequire(import.meta.url);
    const { Jieba } = require('@node-rs/jieba') as typeof JiebaLibrary;
    const { dict } = require('@node-rs/jieba/dict') as typeof JiebaDictionary;
    jieba = Jieba.withDict(dict);
  }
  return jieba;
}

/**
 * pinyin-pro's `pinyin` (its CommonJS build: the same code and dictionaries as the ES module). Synchronous, like
 * jieba, because pinyinKey is: the first caller, often the first search key of a name written, waits ≈ 0.1 s.
 */
export function loadPinyin(): typeof PinyinPro.pinyin {
  pinyinPro ??= createRequire(import.meta.url)('pinyin-pro') as typeof PinyinPro;
  return pinyinPro.pinyin;
}
