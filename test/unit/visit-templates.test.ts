/**
 * The procedure templates as a reviewer reads them: each cites the guideline items it serves,
 * in the order the issue and GUIDELINE.md give, with every step, field and choice worded in
 * Japanese and English; the values a step accepts; and how an erased folder is matched to a
 * system's data location (GUIDELINE.md §5).
 */
import { describe, expect, it } from 'vitest';
import { locationCovered } from '../../electron/core/visits/data-location-match';
import { validateStepValues } from '../../electron/core/visits/step-values';
import { templates, templateVersion } from '../../electron/core/visits/templates/index';
import { visitTexts } from '../../electron/shared/visit-texts';
import { automaticChecks, templateIds, type StepTemplate } from '../../electron/shared/visits';
import { errorCodeOf } from '../support/error-code';

const languages = ['ja', 'en'] as const;
type Tree = Record<string, unknown>;
const at = (tree: unknown, ...path: string[]): unknown => path.reduce<unknown>((node, key) => (node as Tree | undefined)?.[key], tree);

describe('the templates', () => {
  it('are the three the issue asks for, each in the guideline’s order', () => {
    expect(Object.keys(templates).sort()).toEqual([...templateIds].sort());
    expect(templates['maintenance-visit'].steps.map((s) => [s.id, s.kind, s.items[0]])).toEqual([
      ['readiness', 'automatic', '7-4'],
      ['purpose', 'record', '7-1'],
      ['permission', 'signature', '7-1'],
      ['login', 'record', '10-3'],
      ['mediaScan', 'record', '8-1'],
      ['remoteAccess', 'record', '7-12'],
      ['defaultPasswords', 'automatic', '8-5'],
      ['workLog', 'record', '10-3'],
      ['visitData', 'evidence', '7-2'],
      ['sanitization', 'automatic', '10-5'],
      ['logout', 'record', '10-3'],
      ['visitDataErased', 'automatic', '10-1'],
      ['handover', 'confirm', '10-1'],
      ['countersignature', 'signature', '10-1'],
    ]);
    expect(templates.decommissioning.items).toEqual(expect.arrayContaining(['E.3 a', 'E.3 b', 'E.3 c', 'E.3 d', '7-10']));
    expect(templates['incident-response'].steps.map((s) => s.id)).toEqual([
      'detected',
      'disconnect',
      'isolate',
      'stopAndSurvey',
      'restore',
      'countersignature',
    ]);
    expect(
      templates['incident-response'].steps
        .slice(1, 5)
        .every((s) => s.fields.some((f) => f.id === 'at') && s.fields.some((f) => f.id === 'by') && s.attachments !== 'none'),
    ).toBe(true);
  });

  it('are found by the version a run was started with, and an unknown version is refused', async () => {
    expect(templateVersion('maintenance-visit', 1)).toBe(templates['maintenance-visit']);
    expect(await errorCodeOf(() => templateVersion('maintenance-visit', 99))).toBe('PROCEDURE_TEMPLATE_NOT_FOUND');
  });

  it('end with the site administrator’s countersignature, and every step cites an item', () => {
    for (const template of Object.values(templates)) {
      expect(template.steps.at(-1)).toMatchObject({ id: 'countersignature', kind: 'signature', required: true });
      for (const step of template.steps) expect(step.items.length, `${template.id}.${step.id}`).toBeGreaterThan(0);
    }
  });

  it('word every template, step, field, choice and check in both languages', () => {
    const missing: string[] = [];
    for (const language of languages) {
      const texts = visitTexts[language];
      for (const template of Object.values(templates)) {
        for (const key of ['title', 'description'])
          if (typeof at(texts, 'templates', template.id, key) !== 'string') missing.push(`${language}:${template.id}.${key}`);
        for (const step of template.steps) {
          for (const key of ['title', 'help'])
            if (typeof at(texts, 'templates', template.id, 'steps', step.id, key) !== 'string')
              missing.push(`${language}:${template.id}.${step.id}.${key}`);
          for (const field of step.fields) {
            if (typeof at(texts, 'templates', template.id, 'steps', step.id, 'fields', field.id) !== 'string')
              missing.push(`${language}:${template.id}.${step.id}.${field.id}`);
            for (const option of field.options ?? []) {
              if (typeof at(texts, 'templates', template.id, 'steps', step.id, 'options', field.id, option) !== 'string')
                missing.push(`${language}:${step.id}.${field.id}.${option}`);
            }
          }
        }
      }
      for (const check of automaticChecks) if (typeof at(texts, 'checks', check) !== 'object') missing.push(`${language}:checks.${check}`);
    }
    expect(missing).toEqual([]);
    expect(JSON.stringify(Object.keys(visitTexts.ja.checks))).toBe(JSON.stringify(Object.keys(visitTexts.en.checks)));
  });
});

describe('the values a step accepts', () => {
  const login = templates['maintenance-visit'].steps.find((s) => s.id === 'login') as StepTemplate;
  const remote = templates['maintenance-visit'].steps.find((s) => s.id === 'remoteAccess') as StepTemplate;
  const migrate = templates.decommissioning.steps.find((s) => s.id === 'migrate') as StepTemplate;
  const accounts = new Set(['8d4f2c1e-0000-4000-8000-000000000001']);

  it('[10-3] keeps times in UTC whatever offset was typed, and only the system’s own accounts', async () => {
    expect(
      validateStepValues(login, { account: [...accounts][0]!, loggedInAt: '2026-11-26T09:30+09:00', dedicatedAccount: true }, accounts),
    ).toEqual({
      account: [...accounts][0],
      loggedInAt: '2026-11-26T00:30:00.000Z',
      dedicatedAccount: true,
    });
    expect(
      await errorCodeOf(() =>
        validateStepValues(login, { account: 'someone-else', loggedInAt: '2026-11-26T09:30+09:00', dedicatedAccount: true }, accounts),
      ),
    ).toBe('PROCEDURE_STEP_INVALID');
    expect(
      await errorCodeOf(() =>
        validateStepValues(login, { account: [...accounts][0]!, loggedInAt: '26/11/2026', dedicatedAccount: true }, accounts),
      ),
    ).toBe('PROCEDURE_STEP_INVALID');
  });

  it('requires a field only when its condition holds, and refuses fields the template does not have', async () => {
    expect(validateStepValues(remote, { used: 'notUsed' }, accounts)).toEqual({ used: 'notUsed' });
    expect(await errorCodeOf(() => validateStepValues(remote, { used: 'used' }, accounts))).toBe('PROCEDURE_STEP_INVALID');
    expect(await errorCodeOf(() => validateStepValues(remote, { used: 'sometimes' }, accounts))).toBe('PROCEDURE_STEP_INVALID');
    expect(await errorCodeOf(() => validateStepValues(remote, { used: 'notUsed', password: 'x' }, accounts))).toBe(
      'PROCEDURE_STEP_INVALID',
    );
  });

  it('[E.3 c] takes counts as whole numbers and a hash as 64 hex digits, lower-cased', async () => {
    const values = {
      disposition: 'archived',
      fileCount: 1200,
      totalBytes: 5_368_709_120,
      manifestSha256: 'AB'.repeat(32),
      verifiedBy: '施設 佐藤',
    };
    expect(validateStepValues(migrate, values, accounts).manifestSha256).toBe('ab'.repeat(32));
    expect(await errorCodeOf(() => validateStepValues(migrate, { ...values, fileCount: -1 }, accounts))).toBe('PROCEDURE_STEP_INVALID');
    expect(await errorCodeOf(() => validateStepValues(migrate, { ...values, manifestSha256: 'abc' }, accounts))).toBe(
      'PROCEDURE_STEP_INVALID',
    );
  });
});

describe('an erased folder and a data location', () => {
  it('match on the server’s own drive and on a disk attached to the laptop', () => {
    expect(locationCovered('D:\\MainImage', 'D:\\MainImage')).toBe(true);
    expect(locationCovered('D:\\MainImage', 'd:\\mainimage\\')).toBe(true);
    expect(locationCovered('D:\\MainImage', '/media/engineer/D/MainImage')).toBe(true);
    expect(locationCovered('C:\\Program Files\\PostgreSQL\\<version>\\data', 'C:\\Program Files\\PostgreSQL\\16\\data')).toBe(true);
  });

  it('do not match another drive, a sub-folder, or a name that merely ends the same', () => {
    expect(locationCovered('D:\\MainImage', 'E:\\MainImage')).toBe(false);
    expect(locationCovered('D:\\MainImage', 'D:\\MainImage\\2024')).toBe(false);
    expect(locationCovered('D:\\MainImage', '/tmp/D/OldMainImage')).toBe(false);
    expect(locationCovered('D:\\MainImage', 'MainImage')).toBe(false);
  });
});
