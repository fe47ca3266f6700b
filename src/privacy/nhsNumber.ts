/**
 * NHS numbers: 10 digits whose last digit is a Modulus 11 check digit.
 * Weights 10..2 over the first nine digits; check = 11 - (sum mod 11); 11 means 0; 10 is never valid.
 */
export function isValidNhsNumber(candidate: string): boolean {
  const digits = candidate.replace(/[\s\-./]/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}
