/**
 * The visit step form and the engine read one rule book (visit-step-fields.ts): what the
 * engineer types is checked on the screen with the message the screen shows, and what the
 * screen sends is what the engine stores — the form cannot pass what the engine refuses.
 */
import { describe, expect, it } from 'vitest';
import { validateStepValues } from '../../electron/core/visits/step-values';
import { templates } from '../../electron/core/visits/templates/index';
import type { StepTemplate } from '../../electron/shared/visits';
import { checkDraft, initialDraft, valuesOf } from '../../renderer/src/features/visits/field-values';
import { errorCodeOf } from '../support/error-code';

const stepOf = (template: keyof typeof templates, id: string) => templates[template].steps.find((s) => s.id === id) as StepTemplate;
const login = stepOf('maintenance-visit', 'login');
const remote = stepOf('maintenance-visit', 'remoteAccess');
const migrate = stepOf('decommissioning', 'migrate');
const account = '8d4f2c1e-0000-4000-8000-000000000001';
const context = { accountIds: new Set([account]) };

describe('the visit step form', () => {
  it('sends what the engine stores unchanged: Japan time as UTC, full-width digits as a number, a hash in lower case', () => {
    const loginDraft = { account, loggedInAt: '2026-11-26T09:30', dedicatedAccount: true };
    expect(checkDraft(login.fields, loginDraft, context)).toEqual({});
    const sent = valuesOf(login.fields, loginDraft, context);
    expect(sent).toEqual({ account, loggedInAt: '2026-11-26T00:30:00.000Z', dedicatedAccount: true });
    expect(validateStepValues(login, sent, context.accountIds)).toEqual(sent);

    const migrateDraft = {
      disposition: 'archived',
      destination: '',
      fileCount: '１２００',
      totalBytes: ' 5368709120 ',
      manifestSha256: ` ${'AB'.repeat(32)} `,
      verifiedBy: ' 施設 佐藤 ',
    };
    expect(checkDraft(migrate.fields, migrateDraft, context)).toEqual({});
    const values = valuesOf(migrate.fields, migrateDraft, context);
    expect(values).toEqual({
      disposition: 'archived',
      fileCount: 1200,
      totalBytes: 5_368_709_120,
      manifestSha256: 'ab'.repeat(32),
      verifiedBy: '施設 佐藤',
    });
    expect(validateStepValues(migrate, values, context.accountIds)).toEqual(values);
  });

  it('names what is wrong with each field, with the keys the screen translates', () => {
    const draft = {
      ...initialDraft(migrate.fields, new Date()),
      disposition: 'migrated',
      fileCount: '-1',
      totalBytes: '12.5',
      manifestSha256: 'abc',
      verifiedBy: 'x'.repeat(401),
    };
    expect(checkDraft(migrate.fields, draft, context)).toEqual({
      destination: 'visits.form.problems.required',
      fileCount: 'visits.form.problems.count',
      totalBytes: 'visits.form.problems.count',
      manifestSha256: 'visits.form.problems.sha256',
      verifiedBy: 'visits.form.problems.tooLong',
    });
    expect(checkDraft(login.fields, { account: 'someone-else', loggedInAt: '26/11/2026 09:30', dedicatedAccount: false }, context)).toEqual(
      {
        account: 'visits.form.problems.account',
        loggedInAt: 'visits.form.problems.datetime',
        dedicatedAccount: 'visits.form.problems.yes',
      },
    );
    expect(checkDraft(remote.fields, { used: 'used', channel: 'VPN\nline 2', closedAt: '' }, context)).toEqual({
      channel: 'visits.form.problems.oneLine',
      closedAt: 'visits.form.problems.required',
    });
    expect(checkDraft(remote.fields, { used: '' }, context)).toEqual({ used: 'visits.form.problems.choose' });
  });

  it('hides and leaves out a field whose condition does not hold; the engine needs it only when the condition holds', async () => {
    expect(checkDraft(remote.fields, { used: 'notUsed', channel: '', closedAt: '' }, context)).toEqual({});
    expect(valuesOf(remote.fields, { used: 'notUsed', channel: 'VPN', closedAt: '' }, context)).toEqual({ used: 'notUsed' });
    expect(await errorCodeOf(() => validateStepValues(remote, { used: 'used' }, context.accountIds))).toBe('PROCEDURE_STEP_INVALID');
  });
});
