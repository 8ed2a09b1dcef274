import { prometheusLabel as label } from '../kernel/sanitize.js';

/** Figures `watch` exports for node_exporter's textfile collector, one series per watched source. */
export interface SourceMetrics {
  /** Bounded: source kind and a configured name (profile, role, process name); never a key id or pid. */
  labels: Record<string, string>;
  expirySeconds?: number;
  lastRotationSeconds?: number;
  rotationsTotal: number;
  /** Learned rotation cadence (median interval), once two intervals are known. */
  cadenceSeconds?: number;
  /** 1 while the last check of the source succeeded. */
  up?: boolean;
  lastSuccessSeconds?: number;
  failuresTotal?: number;
  validationOk?: boolean;
  lastValidationSeconds?: number;
}

export interface WatchMetrics {
  sources: SourceMetrics[];
  /** Processes started before the last rotation of the credentials they use, by process name. */
  staleProcesses?: Array<{ labels: Record<string, string>; count: number }>;
  clockOffsetSeconds?: number;
  lastClockCheckSeconds?: number;
  /** When this file was written: the freshness of everything in it. */
  heartbeatSeconds?: number;
  textfileFailuresTotal?: number;
  version?: string;
}

function labelText(labels: Record<string, string>): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${label(v)}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}

type Sample = { labels: Record<string, string>; value: number | undefined };

/** Prometheus text exposition format 0.0.4; a value that is unknown is left out, not faked. */
export function renderPrometheus(m: WatchMetrics): string {
  const out: string[] = [];
  const family = (name: string, type: 'gauge' | 'counter', help: string, samples: Sample[]) => {
    const known = samples.filter((s) => s.value !== undefined && Number.isFinite(s.value));
    if (!known.length) return;
    out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const s of known) out.push(`${name}${labelText(s.labels)} ${Number(s.value!.toFixed(3))}`);
  };
  const per = (pick: (s: SourceMetrics) => number | boolean | undefined): Sample[] =>
    m.sources.map((s) => {
      const v = pick(s);
      return { labels: s.labels, value: typeof v === 'boolean' ? (v ? 1 : 0) : v };
    });
  family('credcheck_credentials_expiry_seconds', 'gauge', 'Seconds until the current credentials expire (negative once expired).', per((s) => s.expirySeconds));
  family('credcheck_last_rotation_timestamp_seconds', 'gauge', 'Unix time of the last rotation watch observed.', per((s) => s.lastRotationSeconds));
  family('credcheck_rotations_total', 'counter', 'Rotations observed since watch started.', per((s) => s.rotationsTotal));
  family('credcheck_rotation_cadence_seconds', 'gauge', 'Learned rotation cadence: the median interval between observed rotations.', per((s) => s.cadenceSeconds));
  family('credcheck_source_up', 'gauge', '1 when the last check of the source succeeded, 0 when it failed (unreadable, unreachable, gone).', per((s) => s.up));
  family('credcheck_last_success_timestamp_seconds', 'gauge', 'Unix time of the last successful check of the source.', per((s) => s.lastSuccessSeconds));
  family('credcheck_source_failures_total', 'counter', 'Error events (unreadable, unreachable, expired, stalled, validation failed) for the source.', per((s) => s.failuresTotal));
  family('credcheck_validation_ok', 'gauge', '1 when the last STS GetCallerIdentity with these keys succeeded, 0 when it failed.', per((s) => s.validationOk));
  family('credcheck_validation_timestamp_seconds', 'gauge', 'Unix time of the last STS GetCallerIdentity with these keys.', per((s) => s.lastValidationSeconds));
  family('credcheck_stale_processes', 'gauge', 'Processes started before the last rotation of the credentials they use and not restarted since.', (m.staleProcesses ?? []).map((p) => ({ labels: p.labels, value: p.count })));
  family('credcheck_clock_offset_seconds', 'gauge', 'Local clock minus AWS (the STS Date header), in seconds.', [{ labels: {}, value: m.clockOffsetSeconds }]);
  family('credcheck_clock_check_timestamp_seconds', 'gauge', 'Unix time of the last successful clock offset measurement.', [{ labels: {}, value: m.lastClockCheckSeconds }]);
  family('credcheck_textfile_write_failures_total', 'counter', 'Writes of this file that failed (disk full, permissions) since watch started.', [{ labels: {}, value: m.textfileFailuresTotal }]);
  family('credcheck_watch_heartbeat_timestamp_seconds', 'gauge', 'Unix time watch wrote this file: its freshness.', [{ labels: {}, value: m.heartbeatSeconds }]);
  family('credcheck_build_info', 'gauge', 'Always 1; the credcheck version that wrote this file.', m.version ? [{ labels: { version: m.version }, value: 1 }] : []);
  return out.join('\n') + '\n';
}
