import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AREA_ENTRIES } from '../../src/areas/index.js';
import { COMMANDS } from '../../src/commands/index.js';

/**
 * An area is its folder and one line in src/areas/index.ts: its entry (light, what --help needs)
 * must agree with the definition it loads, and its command must reach the CLI.
 */
test('every area entry loads its own definition; an entry with a command has a runnable one, and the CLI lists it', async () => {
  const names = COMMANDS.map((make) => make().name());
  for (const entry of AREA_ENTRIES) {
    const area = await entry.load();
    assert.equal(area.key, entry.key, `${entry.key}'s entry loads the ${area.key} definition`);
    assert.equal(Boolean(entry.command), Boolean(area.command && area.report), `${entry.key}: a command in the entry needs command and report in the definition, and only then`);
    if (entry.command) assert.ok(names.includes(entry.command.name), `credcheck ${entry.command.name} is not a command`);
  }
  assert.equal(new Set(AREA_ENTRIES.map((e) => e.key)).size, AREA_ENTRIES.length, 'area keys are unique');
});
