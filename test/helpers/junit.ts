import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './cli.js';

/** Decodes the five XML entities and character references (the renderer emits nothing else). */
export function xmlDecode(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#\d+);/g, (_, e: string) =>
    e.startsWith('#') ? String.fromCharCode(Number(e.slice(1))) : ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[e]!,
  );
}

export interface ParsedCase { name: string; classname: string; kind: 'pass' | 'failure' | 'skipped'; message?: string }

/**
 * A deliberately strict structural check of the JUnit document (no XML library is installed):
 * declaration, one testsuites with one testsuite, counts that match the testcases, every testcase
 * with name and classname, every failure with a message attribute, and no raw markup characters
 * left in attribute values or text.
 */
export function parseJunit(xml: string): { cases: ParsedCase[]; suite: Record<string, string> } {
  assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites [^>]*>\n  <testsuite [^>]*>\n/);
  assert.match(xml, /<\/testsuite>\n<\/testsuites>\n$/);
  const attrs = (tag: string) => Object.fromEntries([...tag.matchAll(/(\w[\w-]*)="([^"<>]*)"/g)].map((m) => [m[1]!, m[2]!]));
  const suitesTag = /<testsuites ([^>]*)>/.exec(xml)![1]!;
  const suiteTag = /<testsuite ([^>]*)>/.exec(xml)![1]!;
  // Attribute values must not contain raw quotes or markup: everything between tags must be clean.
  for (const text of xml.replace(/^<\?xml[^>]*\?>/, '').split(/<[^<>]*>/)) assert.doesNotMatch(text, /[<>]|&(?!(lt|gt|quot|apos|amp|#\d+);)/, `raw markup in text: ${text}`);
  const suite = attrs(suiteTag);
  const cases: ParsedCase[] = [];
  for (const m of xml.matchAll(/<testcase ([^>]*)>([\s\S]*?)<\/testcase>/g)) {
    const a = attrs(m[1]!);
    assert.ok(a.name, 'testcase without name');
    assert.ok(a.classname, 'testcase without classname');
    const failure = /<failure message="([^"]*)" type="[^"]*">/.exec(m[2]!);
    const skipped = /<skipped message="([^"]*)"\/>/.exec(m[2]!);
    assert.ok(!(failure && skipped));
    if (/<failure/.test(m[2]!)) assert.ok(failure, 'failure without a message attribute');
    cases.push({ name: xmlDecode(a.name), classname: a.classname, kind: failure ? 'failure' : skipped ? 'skipped' : 'pass', message: failure ? xmlDecode(failure[1]!) : skipped ? xmlDecode(skipped[1]!) : undefined });
  }
  for (const tag of [attrs(suitesTag), suite]) {
    assert.equal(Number(tag.tests), cases.length, 'tests count');
    assert.equal(Number(tag.failures), cases.filter((c) => c.kind === 'failure').length, 'failures count');
    assert.equal(Number(tag.skipped), cases.filter((c) => c.kind === 'skipped').length, 'skipped count');
    assert.equal(Number(tag.errors), 0, 'errors count');
  }
  return { cases, suite };
}

/** Validates against test/fixtures/junit.xsd with xmllint when it is installed; returns whether it ran. */
export function xsdValidate(xml: string): boolean {
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (probe.error) return false;
  const dir = mkdtempSync(join(tmpdir(), 'credcheck-junit-'));
  const file = join(dir, 'report.xml');
  writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--noout', '--schema', join(REPO_ROOT, 'test', 'fixtures', 'junit.xsd'), file], { encoding: 'utf8' });
  assert.equal(r.status, 0, `xmllint rejected the JUnit report:\n${r.stderr}\n${xml}`);
  return true;
}
