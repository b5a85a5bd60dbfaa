/**
 * The system form's values while they are edited, and their check. Port numbers are kept as
 * typed (full-width digits from a Japanese IME count) so that the field can say what is
 * wrong instead of silently changing it. Lengths and limits come from the IPC contract.
 */
import { DataLocation as DataLocationSchema, PortRule as PortRuleSchema, SiteSystem as SiteSystemSchema } from '@shared/sites';
import type { DataLocation, PortRule, SiteSystem, SystemDraft } from './use-sites';

export interface PortRow {
  /** For React only: rows have no identity of their own. */
  readonly key: string;
  readonly direction: PortRule['direction'];
  readonly port: string;
  readonly use: string;
  readonly enabled: boolean;
}

export interface LocationRow {
  readonly key: string;
  readonly path: string;
  readonly holds: string;
}

export interface SystemFormValues {
  readonly product: string;
  readonly version: string;
  readonly serial: string;
  readonly hostName: string;
  readonly ports: readonly PortRow[];
  readonly locations: readonly LocationRow[];
}

export const systemLimits = {
  product: SiteSystemSchema.shape.product.maxLength ?? 200,
  version: SiteSystemSchema.shape.version.maxLength ?? 100,
  serial: SiteSystemSchema.shape.serial.maxLength ?? 100,
  hostName: SiteSystemSchema.shape.hostName.maxLength ?? 255,
  use: PortRuleSchema.shape.use.maxLength ?? 200,
  path: DataLocationSchema.shape.path.maxLength ?? 400,
  holds: DataLocationSchema.shape.holds.maxLength ?? 200,
  /** The contract's limit on ports and on data locations (a zod array does not expose it). */
  rows: 100,
} as const;

const newKey = () => crypto.randomUUID();

export function portRow(rule?: PortRule): PortRow {
  return {
    key: newKey(),
    direction: rule?.direction ?? 'inbound',
    port: rule ? String(rule.port) : '',
    use: rule?.use ?? '',
    enabled: rule?.enabled ?? true,
  };
}

export function locationRow(location?: DataLocation): LocationRow {
  return { key: newKey(), path: location?.path ?? '', holds: location?.holds ?? '' };
}

export function valuesOf(system: Pick<SiteSystem, 'ports' | 'dataLocations'> & Partial<SiteSystem>): SystemFormValues {
  return {
    product: system.product ?? '',
    version: system.version ?? '',
    serial: system.serial ?? '',
    hostName: system.hostName ?? '',
    ports: system.ports.map(portRow),
    locations: system.dataLocations.map(locationRow),
  };
}

/** The port as a number, or null when what was typed is not one from 1 to 65535. */
export function portNumber(typed: string): number | null {
  const normalized = typed.normalize('NFKC').trim();
  if (!/^\d{1,5}$/.test(normalized)) return null;
  const port = Number(normalized);
  return port >= 1 && port <= 65535 ? port : null;
}

export type PortProblem = 'invalid' | 'duplicate';

export interface SystemProblems {
  readonly product: boolean;
  /** Per row key. */
  readonly ports: ReadonlyMap<string, PortProblem>;
  readonly locations: ReadonlySet<string>;
}

export function checkSystem(values: SystemFormValues): SystemProblems {
  const ports = new Map<string, PortProblem>();
  const seen = new Set<string>();
  for (const row of values.ports) {
    const port = portNumber(row.port);
    if (port === null) {
      ports.set(row.key, 'invalid');
      continue;
    }
    // The same port listed twice in one direction would make the profile say two things.
    const id = `${row.direction}:${port}`;
    if (seen.has(id)) ports.set(row.key, 'duplicate');
    seen.add(id);
  }
  const locations = new Set(values.locations.filter((row) => row.path.trim() === '').map((row) => row.key));
  return { product: values.product.trim() === '', ports, locations };
}

export function hasProblems(problems: SystemProblems): boolean {
  return problems.product || problems.ports.size > 0 || problems.locations.size > 0;
}

export function draftOf(values: SystemFormValues, siteId: string, id: string | undefined): SystemDraft {
  return {
    ...(id ? { id } : {}),
    siteId,
    product: values.product.trim(),
    version: values.version.trim(),
    serial: values.serial.trim(),
    hostName: values.hostName.trim(),
    ports: values.ports.map((row) => ({
      direction: row.direction,
      port: portNumber(row.port) ?? 0,
      use: row.use.trim(),
      enabled: row.enabled,
    })),
    dataLocations: values.locations.map((row) => ({ path: row.path.trim(), holds: row.holds.trim() })),
  };
}
