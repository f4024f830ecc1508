export function formatFen(fen: number): string {
  return (fen / 100).toFixed(2);
}

// Accepts "59", "59.9" or "59.00"; anything else is null so the caller can refuse it clearly.
export function parseYuan(text: unknown): number | null {
  const value = typeof text === 'number' ? String(text) : text;
  if (typeof value !== 'string' || !/^\d{1,7}(\.\d{1,2})?$/.test(value.trim())) {
    return null;
  }

  return Math.round(Number(value.trim()) * 100);
}
