import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderJunit, xmlEscape } from '../../src/render/junit.js';
import { escapeData, escapeProperty, renderAnnotations, renderStepSummary } from '../../src/render/github.js';
import type { Check } from '../../src/commands/preflight/checks.js';
import type { Finding } from '../../src/kernel/finding.js';
import { parseJunit, xsdValidate } from '../helpers/junit.js';

const NASTY = `a <b> & "c" 'd' 100% done: x,y\nline2\r\nend`;
const CHECKS: Check[] = [
  { id: 'credentials', name: 'credentials present', status: 'pass', reason: 'ASIA…WXYZ from environment' },
  { id: 'identity', name: 'identity valid', status: 'fail', reason: NASTY },
  { id: 'ttl', name: 'ttl <&>', status: 'warn', reason: 'expiry unknown' },
  { id: 'account', name: 'expected account', status: 'skip', reason: 'not requested (--expect-account) & <skipped>' },
];

/** Decodes GitHub's workflow-command escaping, to prove the round trip is lossless. */
function unescapeGithub(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

describe('JUnit renderer', () => {
  const xml = renderJunit(CHECKS, { timestamp: '2026-11-22T12:00:00.123Z', hostname: 'runner<1>', timeSeconds: 1.5 });

  it('has matching counts, one testcase per check, failure with message, skipped for skip', () => {
    const { cases, suite } = parseJunit(xml);
    assert.equal(cases.length, 4);
    assert.deepEqual(cases.map((c) => c.kind), ['pass', 'failure', 'pass', 'skipped']);
    assert.equal(cases[1]!.message, NASTY.replace(/\r/g, '\r'));
    assert.equal(cases[2]!.name, 'ttl: ttl <&>');
    assert.equal(cases[3]!.message, 'not requested (--expect-account) & <skipped>');
    assert.equal(suite.timestamp, '2026-11-22T12:00:00');
    assert.ok(cases.every((c) => c.classname === 'credcheck.preflight'));
  });

  it('escapes all five XML specials and keeps newlines in attributes', () => {
    assert.equal(xmlEscape(`<>&"'`), '&lt;&gt;&amp;&quot;&apos;');
    assert.equal(xmlEscape('a\nb\u0001'), 'a&#10;b\\x01');
    assert.ok(!xml.includes(NASTY));
  });

  it('validates against the JUnit XSD (xmllint)', () => {
    const ran = xsdValidate(xml);
    // When xmllint is absent the structural check above still stands; say so rather than pass silently.
    if (!ran) console.log('# xmllint not installed: XSD validation not run');
    assert.equal(typeof ran, 'boolean');
  });

  it('the XSD really rejects a testcase without a name', () => {
    const bad = '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites><testsuite name="x" tests="1"><testcase classname="c"/></testsuite></testsuites>\n';
    let threw = false;
    try {
      xsdValidate(bad);
    } catch {
      threw = true;
    }
    const available = xsdValidate(renderJunit([], { timestamp: '2026-11-22T12:00:00Z' }));
    assert.equal(threw, available);
  });

  it('an empty report is still valid', () => {
    const empty = renderJunit([], { timestamp: '2026-11-22T12:00:00Z' });
    assert.equal(parseJunit(empty).cases.length, 0);
    xsdValidate(empty);
  });
});

describe('GitHub annotations', () => {
  it('escapes data and properties as GitHub requires', () => {
    assert.equal(escapeData('100% a:b,c\r\nd'), '100%25 a:b,c%0D%0Ad');
    assert.equal(escapeProperty('100% a:b,c\nd'), '100%25 a%3Ab%2Cc%0Ad');
    assert.equal(escapeData('%0A'), '%250A');
  });

  it('one line per finding, error/warning level, survives %, newlines, : and ,', () => {
    const f: Finding = { code: 'CC8003', severity: 'warning', title: 'TTL: short, really', message: NASTY, fix: 'do x, then y: 50%', docs: 'docs/findings/CC8003.md' };
    const e: Finding = { ...f, code: 'CC3020', severity: 'error' };
    const out = renderAnnotations([f, e]);
    const lines = out.split('\n').filter(Boolean);
    assert.equal(lines.length, 2);
    const m = /^::warning title=([^:]*)::(.*)$/.exec(lines[0]!);
    assert.ok(m, lines[0]);
    assert.equal(unescapeGithub(m[1]!), 'CC8003 TTL: short, really');
    assert.doesNotMatch(m[1]!, /[:,]/);
    assert.equal(unescapeGithub(m[2]!), `${NASTY}\nFix: do x, then y: 50%`);
    assert.match(lines[1]!, /^::error title=CC3020 /);
  });

  it('step summary is a Markdown table with pipes and newlines neutralised', () => {
    const md = renderStepSummary([{ ...CHECKS[1]!, reason: 'a | b\nc' }], []);
    assert.match(md, /^### credcheck preflight\n\n\| check \| result \| reason \|\n\| --- \| --- \| --- \|\n\| identity valid \| ❌ fail \| a \\\| b<br>c \|\n/);
  });
});
