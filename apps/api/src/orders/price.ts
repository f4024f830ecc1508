/** `59` → `"59.00"`, `"59.9"` → `"59.90"`; the input already matched PRICE_PATTERN. */
export function normalizePrice(value: string | number): string {
  const [whole, fraction = ''] = String(value).split('.');

  return `${whole.replace(/^0+(?=\d)/, '')}.${fraction.padEnd(2, '0')}`;
}
