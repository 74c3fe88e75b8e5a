/** "$12.50" from 1250 and "USD"; the currency's own minor unit (JPY has none). Plain "1250 XYZ" for unknown codes. */
export function formatMoney(minorUnits: number, currency: string): string {
  const code = currency.trim().toUpperCase();
  try {
    const format = new Intl.NumberFormat("en-US", { style: "currency", currency: code });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(minorUnits / 10 ** digits);
  } catch {
    return `${minorUnits} ${code}`;
  }
}
