/**
 * The closest name to a near miss ("deplyo" → "deploy"), by optimal-string-alignment distance
 * (a swap of two neighbours counts as one edit): close enough when at most a third of the name
 * changed (at least one edit, at most two), and unambiguous.
 */
export function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

export function didYouMean(wanted: string, names: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.min(2, Math.floor(wanted.length / 3)));
  const scored = names.map((n) => ({ n, d: distance(wanted.toLowerCase(), n.toLowerCase()) })).filter((x) => x.d <= limit && x.n !== wanted);
  if (scored.length === 0) return undefined;
  scored.sort((a, b) => a.d - b.d);
  if (scored.length > 1 && scored[1]!.d === scored[0]!.d) return undefined;
  return scored[0]!.n;
}
