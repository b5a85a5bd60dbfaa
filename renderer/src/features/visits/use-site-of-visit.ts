/**
 * The site details of the visit a screen was opened from (issue 19): the Erasure screen
 * opened from a visit's step (`#/erasure?visit=<run id>`) carries the visit's site, its
 * department, the site administrator on record and the visit number, instead of having them
 * typed again. Null while there is no such visit or it is still being read.
 */
import { useSearchParams } from 'react-router';
import { useChannelQuery } from '../../lib/use-channel';

export interface SiteOfVisit {
  readonly hospital: string;
  readonly department: string;
  readonly administrator: string;
  readonly reference: string;
}

export function useSiteOfVisit(): SiteOfVisit | null {
  const [params] = useSearchParams();
  const runId = params.get('visit') ?? '';
  const run = useChannelQuery('visits.get', { runId }, { enabled: runId !== '' });
  const sites = useChannelQuery('sites.list', {}, { enabled: runId !== '' });
  if (runId === '' || !run.data || !sites.data) return null;
  const site = sites.data.sites.find((candidate) => candidate.id === run.data.siteId);
  return {
    hospital: site?.name ?? run.data.siteName,
    department: site?.department ?? '',
    administrator: site?.administrator.name ?? '',
    reference: run.data.reference,
  };
}
