/**
 * The on-site maintenance visit (docs/decisions.md, "The user's journey"), in the order the work is
 * done: the laptop is ready (7-4), the site permits what will be carried out (7-1, 7-2), the
 * engineer works through the site's dedicated maintenance account (10-3) on scanned media
 * (8-1) and managed remote channels only (7-12), checks for vendor-default passwords (8-5),
 * hands over only sanitized files (10-5), erases what was carried (10-1), and the site's
 * administrator countersigns the report.
 */
import { automatic, confirm, defineTemplate, evidence, field, record, signature } from './define-template';

export const maintenanceVisit = defineTemplate({
  id: 'maintenance-visit',
  version: 1,
  needsSystem: true,
  steps: [
    automatic('readiness', ['7-4', '8-2', '8-3'], 'readiness'),
    record('purpose', ['7-1'], [field('purpose', 'multiline'), field('plannedWork', 'multiline')]),
    signature(
      'permission',
      ['7-1', '7-2'],
      [
        field('carriesData', 'choice', { options: ['none', 'carries'] }),
        field('dataDescription', 'multiline', { required: false, requiredWhen: { field: 'carriesData', equals: 'carries' } }),
        field('dataPurpose', 'multiline', { required: false, requiredWhen: { field: 'carriesData', equals: 'carries' } }),
      ],
    ),
    record('login', ['10-3', '14-2'], [field('account', 'account'), field('loggedInAt', 'datetime'), field('dedicatedAccount', 'yes')]),
    record('mediaScan', ['8-1'], [field('media', 'multiline'), field('scanTool', 'text'), field('noMalwareFound', 'yes')], {
      notApplicable: true,
    }),
    record(
      'remoteAccess',
      ['7-12'],
      [
        field('used', 'choice', { options: ['notUsed', 'used'] }),
        field('channel', 'text', { required: false, requiredWhen: { field: 'used', equals: 'used' } }),
        field('closedAt', 'datetime', { required: false, requiredWhen: { field: 'used', equals: 'used' } }),
      ],
    ),
    automatic('defaultPasswords', ['8-5'], 'defaultPasswords'),
    record('workLog', ['10-3'], [field('work', 'multiline'), field('result', 'multiline')], { attachments: 'optional' }),
    evidence('visitData', ['7-2', '7-3'], { required: false }),
    automatic('sanitization', ['10-5'], 'sanitizationReport', { notApplicable: true }),
    record(
      'logout',
      ['10-3', '14-7'],
      [field('loggedOutAt', 'datetime'), field('accountAfterwards', 'choice', { options: ['keptAsIs', 'passwordChanged', 'disabled'] })],
    ),
    automatic('visitDataErased', ['10-1'], 'visitDataErased'),
    confirm('handover', ['10-1', '7-1']),
    signature('countersignature', ['10-1', '10-3']),
  ],
});
