/**
 * Help text to the terminal's width (80 when unknown): commander wraps its own option table, not
 * the examples and notes each command adds. An example line ("  $ cmd    what it does") whose
 * description does not fit gets it on the next line under the command; any other long line wraps
 * at spaces with its own indent. No word is ever split.
 */
export function wrapHelp(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => (line.length <= width ? [line] : wrapLine(line, width)))
    .join('\n');
}

function wrapLine(line: string, width: number): string[] {
  const example = /^(\s*\$ .*?\S)( {2,})(\S.*)$/.exec(line);
  if (example && example[1]!.length <= width) {
    const indent = ' '.repeat(example[1]!.length - example[1]!.trimStart().length + 4);
    return [example[1]!, ...words(example[3]!, width, indent)];
  }
  const indent = /^\s*/.exec(line)![0];
  // Continuation lines of an aligned column ("  error    ≥ 240 s  …") line up under its text.
  const column = /^(\s*\S+(?: \S+)*? {2,})\S/.exec(line)?.[1];
  const hang = /^\s*\$ /.test(line) ? `${indent}    ` : column && column.length < width / 2 ? ' '.repeat(column.length) : indent;
  const [first, ...rest] = words(line.trimStart(), width, indent);
  const out = [first!];
  for (const r of rest) out.push(...words(r.trimStart(), width, hang));
  return out;
}

function words(text: string, width: number, indent: string): string[] {
  const out: string[] = [];
  let cur = indent;
  for (const w of text.split(/ +/)) {
    if (cur.trim() !== '' && cur.length + 1 + w.length > width) {
      out.push(cur);
      cur = indent + w;
    } else cur = cur.trim() === '' ? indent + w : `${cur} ${w}`;
  }
  out.push(cur);
  return out;
}
