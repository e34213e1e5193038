/** Masks for personal data shown in lists, where the viewer needs to tell records apart, not who they are. */

/** "Асанов Болат Серикович" → "Асанов Б. С." is still identifying; keep the initial of the surname only: "А***** Б. С." */
export function maskName(fullName: string): string {
  // By code points, not UTF-16 units: an initial outside the BMP must not be cut in half (a lone surrogate).
  const [surname = [], ...rest] = fullName
    .trim()
    .split(/\s+/)
    .map((part) => Array.from(part));
  const initials = rest.map((part) => `${part[0] ?? ''}.`).join(' ');
  return [`${surname[0] ?? ''}${'*'.repeat(Math.max(surname.length - 1, 2))}`, initials]
    .filter(Boolean)
    .join(' ');
}

/** IIN: the first two digits (year of birth) and the last two stay. */
export function maskIin(iin: string): string {
  return iin.length === 12 ? `${iin.slice(0, 2)}********${iin.slice(10)}` : '************';
}

/** Phone: country code and last two digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 10 ? `+${digits.slice(0, 1)} *** *** ** ${digits.slice(-2)}` : '***';
}

/** Card: the first six (issuer) and last four, as PCI DSS allows to display. */
export function maskCard(card: string): string {
  const digits = card.replace(/\D/g, '');
  return digits.length >= 12
    ? `${digits.slice(0, 6)}${'*'.repeat(digits.length - 10)}${digits.slice(-4)}`
    : '****';
}
