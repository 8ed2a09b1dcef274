import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileContent } from '../../kernel/output.js';
import { renderPrometheus, type WatchMetrics } from '../../render/prometheus.js';

/** node_exporter must never read a half-written file: write a temp file in the same directory, then rename. */
export async function writeTextfile(path: string, m: WatchMetrics): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, fileContent(renderPrometheus(m), 'prometheus'), { mode: 0o644 });
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
}
