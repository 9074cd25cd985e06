/** The label of the team at a zero-based index: A … Z, then AA, AB, … AZ, BA, … (like spreadsheet columns). */
export function teamLabel(index: number): string {
  if (!Number.isInteger(index) || index < 0)
    throw new RangeError(`team index must be a non-negative integer, got ${index}`);
  let label = '';
  let n = index + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    label = String.fromCharCode(65 + rem) + label;
    n = Math.floor((n - 1) / 26);
  }
  return label;
}

/** The labels of `count` teams in order: teamLabels(3) = ['A', 'B', 'C']. */
export function teamLabels(count: number): string[] {
  return Array.from({ length: count }, (_, i) => teamLabel(i));
}
