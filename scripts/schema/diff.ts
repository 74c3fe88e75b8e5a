const CONTEXT = 3;

const toLines = (text: string) => (text === "" ? [] : text.split("\n"));

/** diff(1) numbers an empty range by the line before it. */
const range = (start: number, count: number) => `${count === 0 ? start - 1 : start},${count}`;

type Op = { kind: " " | "-" | "+"; line: string };

/** Line operations turning `a` into `b` (LCS on the part between the common prefix and suffix). */
function diffLines(a: string[], b: string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  // lcs[i][j] = length of the longest common subsequence of midA[i..] and midB[j..].
  const lcs = Array.from({ length: midA.length + 1 }, () => new Uint32Array(midB.length + 1));
  for (let i = midA.length - 1; i >= 0; i--) {
    for (let j = midB.length - 1; j >= 0; j--) {
      lcs[i]![j] = midA[i] === midB[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const ops: Op[] = a.slice(0, start).map((line) => ({ kind: " ", line }));
  let i = 0;
  let j = 0;
  while (i < midA.length || j < midB.length) {
    if (i < midA.length && j < midB.length && midA[i] === midB[j]) {
      ops.push({ kind: " ", line: midA[i++]! });
      j++;
    } else if (i < midA.length && (j === midB.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      // Deletions before insertions, as diff(1) prints them.
      ops.push({ kind: "-", line: midA[i++]! });
    } else {
      ops.push({ kind: "+", line: midB[j++]! });
    }
  }
  for (const line of a.slice(endA)) ops.push({ kind: " ", line });
  return ops;
}

/** A unified diff (`---`/`+++`/`@@` hunks, 3 lines of context); empty when the texts are equal. */
export function unifiedDiff(before: string, after: string, fromName: string, toName: string): string {
  if (before === after) return "";
  const ops = diffLines(toLines(before), toLines(after));
  const out = [`--- ${fromName}`, `+++ ${toName}`];
  let k = 0;
  while (k < ops.length) {
    if (ops[k]!.kind === " ") {
      k++;
      continue;
    }
    // Grow the hunk while changes are within 2 * CONTEXT lines of each other.
    const first = Math.max(0, k - CONTEXT);
    let last = k;
    for (let m = k; m < ops.length && m <= last + 2 * CONTEXT; m++) if (ops[m]!.kind !== " ") last = m;
    const end = Math.min(ops.length, last + CONTEXT + 1);
    const hunk = ops.slice(first, end);
    const lineA = ops.slice(0, first).filter((op) => op.kind !== "+").length + 1;
    const lineB = ops.slice(0, first).filter((op) => op.kind !== "-").length + 1;
    const countA = hunk.filter((op) => op.kind !== "+").length;
    const countB = hunk.filter((op) => op.kind !== "-").length;
    out.push(`@@ -${range(lineA, countA)} +${range(lineB, countB)} @@`, ...hunk.map((op) => `${op.kind}${op.line}`));
    k = end;
  }
  return out.join("\n");
}
