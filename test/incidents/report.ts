/** A finding as a person reads it in the text report (wrapped lines joined back). */
export interface ReadFinding {
  mark: string;
  code: string;
  severity: 'error' | 'warning' | 'info';
  title: string;
  message: string;
  fix: string;
}

const HEAD = /^([✗!i]) (CC\d{4}) (error|warning|info): (.*)$/;

/** Reads findings back out of credcheck's text output, in the order they are shown. */
export function readFindings(text: string): ReadFinding[] {
  const out: Array<ReadFinding & { inFix: boolean }> = [];
  let cur: (ReadFinding & { inFix: boolean }) | undefined;
  for (const line of text.split('\n')) {
    const head = HEAD.exec(line);
    if (head) {
      cur = { mark: head[1]!, code: head[2]!, severity: head[3] as ReadFinding['severity'], title: head[4]!, message: '', fix: '', inFix: false };
      out.push(cur);
      continue;
    }
    if (!cur) continue;
    const body = line.trim();
    if (body === '' || body.startsWith('More: ')) {
      cur = undefined;
      continue;
    }
    if (body.startsWith('Fix: ')) {
      cur.inFix = true;
      cur.fix = body.slice(5);
    } else if (cur.inFix) cur.fix += ` ${body}`;
    else cur.message += (cur.message ? ' ' : '') + body;
  }
  return out.map(({ inFix: _i, ...f }) => f);
}

/** The first finding a person acts on: the first warning or error shown. */
export function firstActionable(findings: ReadFinding[]): ReadFinding | undefined {
  return findings.find((f) => f.severity !== 'info');
}
