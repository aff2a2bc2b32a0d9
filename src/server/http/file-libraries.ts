/**
 * The spreadsheet and PDF libraries, loaded on first use. Imported statically, exceljs adds ≈ 25 MB and pdfkit
 * ≈ 15 MB to the resident memory of every server from its start, though most servers sit idle and write a file
 * now and then (#16). A module imports their types with `import type` and their code through these loaders;
 * eslint.config.js refuses a static import of them (or of jieba) in server code outside tests.
 */
import type ExcelJS from 'exceljs';
import type PDFDocument from 'pdfkit';

let excelJS: Promise<typeof ExcelJS> | undefined;
let pdfDocument: Promise<typeof PDFDocument> | undefined;

/** exceljs (CommonJS: its exports are the default of the ES module Node makes of it). */
export function loadExcelJS(): Promise<typeof ExcelJS> {
  return (excelJS ??= import('exceljs').then((m) => m.default));
}

/** pdfkit's `PDFDocument` class. */
export function loadPdfKit(): Promise<typeof PDFDocument> {
  return (pdfDocument ??= import('pdfkit').then((m) => m.default));
}
