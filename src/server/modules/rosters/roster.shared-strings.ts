/**
 * The shared-string table of an .xlsx, which must stay in memory while the sheet streams (cells refer to it by
 * index). Kept as UTF-8 bytes with one offset per string: about a third of what an array of JavaScript strings
 * takes, and bounded by the size of sharedStrings.xml however small its strings are.
 */
export class SharedStrings {
  private bytes = Buffer.alloc(64 * 1024);
  private used = 0;
  private ends = new Uint32Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(text: string): void {
    const needed = this.used + Buffer.byteLength(text, 'utf8');
    if (needed > this.bytes.length) {
      const grown = Buffer.alloc(Math.max(needed, Math.ceil(this.bytes.length * 1.5)));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    this.used += this.bytes.write(text, this.used, 'utf8');
    if (this.count === this.ends.length) {
      const grown = new Uint32Array(this.ends.length * 2);
      grown.set(this.ends);
      this.ends = grown;
    }
    this.ends[this.count++] = this.used;
  }

  /** The string at `index`; '' for an index the table does not have (a damaged file). */
  get(index: number): string {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return '';
    return this.bytes.toString('utf8', index === 0 ? 0 : this.ends[index - 1], this.ends[index]);
  }
}
