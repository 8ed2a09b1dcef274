import { fileContent } from '../../kernel/output.js';
import { replaceOutputFile } from '../../kernel/output-file.js';
import { renderPrometheus, type WatchMetrics } from '../../render/prometheus.js';

/**
 * node_exporter must never read a half-written file, and a link planted where the textfile (or
 * its temp file) goes must never be followed: kernel/output-file.ts writes an exclusive temp file
 * with an unpredictable name and renames it over the target.
 */
export async function writeTextfile(path: string, m: WatchMetrics): Promise<void> {
  replaceOutputFile(path, fileContent(renderPrometheus(m), 'prometheus'));
}
