/**
 * Responding to a security incident (18-1): disconnect the external network, isolate the
 * affected devices, stop the business system to survey the damage, restore important files
 * from backup — each with the time, who did it, and evidence. The site's system is optional:
 * an incident (a lost medium, for one) may not concern one system.
 */
import { defineTemplate, field, record, signature, whenWhoWhat } from './define-template';

export const incidentResponse = defineTemplate({
  id: 'incident-response',
  version: 1,
  needsSystem: false,
  steps: [
    record('detected', ['18-1'], [field('at', 'datetime'), field('by', 'text'), field('what', 'multiline'), field('reportedTo', 'text')], {
      attachments: 'optional',
    }),
    record('disconnect', ['18-1'], whenWhoWhat(), { attachments: 'optional', notApplicable: true }),
    record('isolate', ['18-1'], [...whenWhoWhat(), field('devices', 'multiline')], { attachments: 'optional', notApplicable: true }),
    record('stopAndSurvey', ['18-1'], [...whenWhoWhat(), field('damage', 'multiline')], { attachments: 'optional', notApplicable: true }),
    record('restore', ['18-1'], [...whenWhoWhat(), field('backupUsed', 'text'), field('files', 'multiline')], {
      attachments: 'optional',
      notApplicable: true,
    }),
    signature('countersignature', ['18-1']),
  ],
});
