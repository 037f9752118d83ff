/**
 * Word-level diff of two texts (longest common subsequence over tokens that keep their
 * spaces), for the Compare view. Hand-written: a few dozen lines, and paragraphs are short
 * (the table is capped so a pathological pair cannot freeze the page).
 */
export interface DiffPart {
  op: 'same' | 'del' | 'ins';
  text: string;
}

function tokens(s: string): string[] {
  return s.match(/\s+|[^\s]+/g) ?? [];
}

const MAX_CELLS = 4_000_000;

export function diffWords(a: string, b: string): DiffPart[] {
  const A = tokens(a);
  const B = tokens(b);
  if (A.length * B.length > MAX_CELLS) return [{ op: 'del', text: a }, { op: 'ins', text: b }];
  const n = A.length;
  const m = B.length;
  const L: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) L[i][j] = A[i] === B[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const out: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string) => {
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (A[i] === B[j]) {
      push('same', A[i]);
      i++;
      j++;
    } else if (L[i + 1][j] >= L[i][j + 1]) push('del', A[i++]);
    else push('ins', B[j++]);
  }
  while (i < n) push('del', A[i++]);
  while (j < m) push('ins', B[j++]);
  return out;
}
