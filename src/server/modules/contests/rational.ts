/**
 * Exact fractions on bigints, so that equal totals compare equal (no float drift) however many judges there are.
 * Always reduced, denominator positive.
 */
export type Rational = { readonly num: bigint; readonly den: bigint };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** The fraction num/den, reduced. */
export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError('division by zero');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g > 1n ? { num: n / g, den: d / g } : { num: n, den: d };
}

export const ZERO = rational(0);

export function add(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}
export function sub(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den - b.num * a.den, a.den * b.den);
}
export function mul(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, a.den * b.den);
}
export function div(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den, a.den * b.num);
}
/** Negative, zero or positive as a is below, equal to or above b. */
export function compare(a: Rational, b: Rational): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}
export function abs(a: Rational): Rational {
  return a.num < 0n ? { num: -a.num, den: a.den } : a;
}
export function sum(values: readonly Rational[]): Rational {
  return values.reduce(add, ZERO);
}
/** The median: the middle value, or the mean of the two middle ones. */
export function median(values: readonly Rational[]): Rational {
  if (values.length === 0) throw new RangeError('median of nothing');
  const sorted = [...values].sort(compare);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : div(add(sorted[mid - 1]!, sorted[mid]!), rational(2));
}
/** A decimal string rounded half up to `places` digits (for display only; ranking uses the exact value). */
export function toFixed(a: Rational, places = 2): string {
  const scale = 10n ** BigInt(places);
  const negative = a.num < 0n;
  const n = negative ? -a.num : a.num;
  const rounded = (n * scale * 2n + a.den) / (a.den * 2n);
  const whole = (rounded / scale).toString();
  const frac = (rounded % scale).toString().padStart(places, '0');
  return `${negative && rounded !== 0n ? '-' : ''}${whole}${places > 0 ? `.${frac}` : ''}`;
}
