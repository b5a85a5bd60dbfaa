/** Every migration, in order. A new one is a new file and a new line here. */
import type { Migration } from '../migrate';
import { migration0001Vault } from './0001-vault';
import { migration0002Audit } from './0002-audit';
import { migration0003Certificates } from './0003-certificates';
import { migration0004Erasure } from './0004-erasure';
import { migration0005SelfCheck } from './0005-self-check';
import { migration0006Sanitization } from './0006-sanitization';
import { migration0007Sites } from './0007-sites';
import { migration0008Procedures } from './0008-procedures';
import { migration0009Ledger } from './0009-ledger';
import { migration0010CompanyAuthority } from './0010-company-authority';
import { migration0011ErasureLinks } from './0011-erasure-links';
import { migration0012ErasureRunsMedia } from './0012-erasure-runs-media';
import { migration0013DeviceSanitize } from './0013-device-sanitize';
import { migration0014VisitReferences } from './0014-visit-references';
import { migration0015ArchiveQueue } from './0015-archive-queue';
import { migration0016PlannedVisits } from './0016-planned-visits';
import { migration0017ErasureResults } from './0017-erasure-results';

export const migrations: readonly Migration[] = [
  migration0001Vault,
  migration0002Audit,
  migration0003Certificates,
  migration0004Erasure,
  migration0005SelfCheck,
  migration0006Sanitization,
  migration0007Sites,
  migration0008Procedures,
  migration0009Ledger,
  migration0010CompanyAuthority,
  migration0011ErasureLinks,
  migration0012ErasureRunsMedia,
  migration0013DeviceSanitize,
  migration0014VisitReferences,
  migration0015ArchiveQueue,
  migration0016PlannedVisits,
  migration0017ErasureResults,
];
