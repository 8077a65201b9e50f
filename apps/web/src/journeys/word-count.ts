/** Russian word form for `n`: 1 контакт, 2 контакта, 5 контактов. */
export function ru(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return `${n} ${one}`;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return `${n} ${few}`;
  return `${n} ${many}`;
}

/** English count with its word: 1 step, 2 steps. */
export const en = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`;
