/**
 * Whether the OS release a laptop runs still gets security updates from its vendor (Windows 10
 * ended on 2025-10-14), from one data file (os-support-dates.json) that names its sources and
 * the day it was checked. The lookup only finds the release and its date; the evaluator judges.
 */
import type { SelfCheckOs } from '../../shared/self-check';
import dates from './os-support-dates.json' with { type: 'json' };
import type { OsUpdateObservation } from './self-check-observations';

export const OS_SUPPORT_CHECKED = dates.checked;

export type SupportLookup =
  | {
      readonly kind: 'found';
      readonly name: string;
      /** ISO date (YYYY-MM-DD) of the last day of support, or null when no end has been announced. */ readonly end: string | null;
    }
  | { readonly kind: 'notListed'; readonly name: string };

function windowsRelease(o: OsUpdateObservation): SupportLookup {
  const name = `${o.osName} ${o.osVersion}`.trim();
  // LTSC/LTSB, Server and IoT have their own, longer lifecycles: not in the table, so unknown.
  if (/LTS[BC]|Server|IoT/i.test(o.osName)) return { kind: 'notListed', name };
  const build = Number(o.osVersion.split('.')[2]);
  const release = dates.windows.find((r) => r.build === build);
  if (!release) return { kind: 'notListed', name };
  const enterprise = /Enterprise|Education/i.test(o.osName);
  return {
    kind: 'found',
    name: `${release.name} ${enterprise ? 'Enterprise/Education' : 'Home/Pro'}`,
    end: enterprise ? release.enterprise : release.homePro,
  };
}

function macosRelease(o: OsUpdateObservation): SupportLookup {
  const major = Number(o.osVersion.split('.')[0]);
  const release = dates.macos.find((r) => r.major === major);
  return release ? { kind: 'found', name: release.name, end: release.end } : { kind: 'notListed', name: `${o.osName} ${o.osVersion}` };
}

function linuxRelease(o: OsUpdateObservation): SupportLookup {
  const distribution = /^debian/i.test(o.osName) ? 'debian' : /^ubuntu/i.test(o.osName) ? 'ubuntu' : null;
  // Debian is known by its major version ("12.11" → 12), Ubuntu by year.month ("24.04.1" → 24.04).
  const version = distribution === 'debian' ? o.osVersion.split('.')[0] : o.osVersion.split('.').slice(0, 2).join('.');
  const release = dates.linux.find((r) => r.distribution === distribution && r.version === version);
  return release
    ? { kind: 'found', name: release.name, end: release.end }
    : { kind: 'notListed', name: `${o.osName} ${o.osVersion}`.trim() };
}

export function lookUpSupport(o: OsUpdateObservation, os: SelfCheckOs): SupportLookup {
  if (os === 'windows') return windowsRelease(o);
  if (os === 'macos') return macosRelease(o);
  return linuxRelease(o);
}
