/**
 * Decommissioning a system at the end of its use (GUIDELINE.md §3, E.3 a–d, 7-10): the server
 * is isolated from the site network, its data migrated or archived with counts and hashes,
 * the data locations of its profile (§5) erased with a certificate, and the disposal recorded
 * with the confirmation that nothing readable remains.
 */
import { automatic, confirm, defineTemplate, field, record, signature, whenWhoWhat } from './define-template';

export const decommissioning = defineTemplate({
  id: 'decommissioning',
  version: 1,
  needsSystem: true,
  steps: [
    automatic('readiness', ['7-4', '8-2', '8-3'], 'readiness'),
    signature('permission', ['7-1', '7-2', '12-1'], [field('scope', 'multiline')]),
    record('isolate', ['E.3 a'], whenWhoWhat(), { attachments: 'optional' }),
    record(
      'migrate',
      ['E.3 c'],
      [
        field('disposition', 'choice', { options: ['migrated', 'archived', 'deletedOnly'] }),
        field('destination', 'text', { required: false, requiredWhen: { field: 'disposition', equals: 'migrated' } }),
        field('fileCount', 'count'),
        field('totalBytes', 'count'),
        field('manifestSha256', 'sha256', { required: false }),
        field('verifiedBy', 'text'),
      ],
      { attachments: 'optional' },
    ),
    automatic('dataLocationsErased', ['E.3 b', '10-1'], 'dataLocationsErased'),
    record(
      'disposal',
      ['E.3 d', '7-10'],
      [
        field('disposedAt', 'datetime'),
        field('disposedBy', 'text'),
        field('qualification', 'text'),
        field('method', 'choice', {
          options: ['physicalDestruction', 'degaussing', 'cryptographicErase', 'overwrite', 'returnedToVendor'],
        }),
        field('nothingReadableRemains', 'yes'),
      ],
      { attachments: 'optional' },
    ),
    confirm('noMedicalDataRemains', ['E.3 d']),
    signature('countersignature', ['E.3 d', '7-10']),
  ],
});
