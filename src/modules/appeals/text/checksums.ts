/** Luhn (ISO/IEC 7812) check of a payment card number. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** IIN check digit: weights 1..11, and 3..11,1,2 when the first sum gives 10 (Ministry of Justice rules for the IIN register). */
export function passesIinChecksum(iin: string): boolean {
  if (!/^\d{12}$/.test(iin)) return false;
  const digits = Array.from(iin.slice(0, 11), Number);
  const weighted = (weights: number[]) =>
    digits.reduce((sum, digit, index) => sum + digit * (weights[index] ?? 0), 0) % 11;
  let check = weighted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (check === 10) check = weighted([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  if (check === 10) return false;
  const month = Number(iin.slice(2, 4));
  const day = Number(iin.slice(4, 6));
  return check === Number(iin[11]) && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}
