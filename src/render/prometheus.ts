import { prometheusLabel as label } from '../kernel/sanitize.js';

/** Figures `watch` exports for node_exporter's textfile collector. */
export interface WatchMetrics {
  source: string;
  profile: string;
  expirySeconds?: number;
  lastRotationSeconds?: number;
  rotationsTotal: number;
  validationOk?: boolean;
  clockOffsetSeconds?: number;
}

/** Prometheus text exposition format 0.0.4; a metric whose value is unknown is left out, not faked. */
export function renderPrometheus(m: WatchMetrics): string {
  const labels = `{source="${label(m.source)}",profile="${label(m.profile)}"}`;
  const out: string[] = [];
  const metric = (name: string, type: 'gauge' | 'counter', help: string, value: number | undefined) => {
    if (value === undefined || !Number.isFinite(value)) return;
    out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name}${labels} ${Number(value.toFixed(3))}`);
  };
  metric('credcheck_credentials_expiry_seconds', 'gauge', 'Seconds until the current credentials expire (negative once expired).', m.expirySeconds);
  metric('credcheck_last_rotation_timestamp_seconds', 'gauge', 'Unix time of the last rotation watch observed.', m.lastRotationSeconds);
  metric('credcheck_rotations_total', 'counter', 'Rotations observed since watch started.', m.rotationsTotal);
  metric('credcheck_validation_ok', 'gauge', '1 when the last STS GetCallerIdentity with these keys succeeded, 0 when it failed.', m.validationOk === undefined ? undefined : m.validationOk ? 1 : 0);
  metric('credcheck_clock_offset_seconds', 'gauge', 'Local clock minus reference, in seconds.', m.clockOffsetSeconds);
  return out.join('\n') + '\n';
}
