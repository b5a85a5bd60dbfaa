/**
 * The policy form's values while they are being edited, and their validation. The limits
 * and the version format are read from the IPC contract's schema (`SelfCheckPolicy`), so the
 * form accepts exactly what the main process will.
 */
import type { ZodDefault, ZodNumber } from 'zod';
import { SelfCheckPolicy, checkIds, selfCheckOses, type CheckId, type DeviceOwnership, type SelfCheckOs } from '@shared/self-check';

export const numberFields = [
  'definitionsMaxAgeDays',
  'xprotectDefinitionsMaxAgeDays',
  'clamavDefinitionsMaxAgeDays',
  'updatesMaxAgeDays',
  'screenLockMaxIdleMinutes',
  'screenLockMaxPasswordDelaySeconds',
  'readinessMaxAgeHours',
] as const;
export type NumberField = (typeof numberFields)[number];

export interface PolicyDraft {
  readonly name: string;
  /** Null while the field holds something that is not a whole number. */
  readonly numbers: Readonly<Record<NumberField, number | null>>;
  readonly minimumOsVersion: Readonly<Record<SelfCheckOs, string>>;
  readonly required: Readonly<Record<CheckId, boolean>>;
  /** ClamAV's on-access scanning (clamonacc) required on Linux. */
  readonly linuxOnAccessScanRequired: boolean;
  /** Not edited here (a company policy file sets it): carried through so saving the form keeps it. */
  readonly edrServices: SelfCheckPolicy['edrServices'];
  readonly ownership: DeviceOwnership;
}

export type DraftField = 'name' | NumberField | `minimumOsVersion.${SelfCheckOs}`;

export interface Bounds {
  readonly min: number;
  readonly max: number;
}

function boundsOf(schema: ZodNumber | ZodDefault<ZodNumber>): Bounds {
  const number = 'unwrap' in schema ? schema.unwrap() : schema;
  return { min: number.minValue ?? 0, max: number.maxValue ?? Number.MAX_SAFE_INTEGER };
}

export const numberBounds: Readonly<Record<NumberField, Bounds>> = Object.fromEntries(
  numberFields.map((field) => [field, boundsOf(SelfCheckPolicy.shape[field])]),
) as Record<NumberField, Bounds>;

export const nameMaxLength = SelfCheckPolicy.shape.name.maxLength ?? 100;

export function draftOf(policy: SelfCheckPolicy, ownership: DeviceOwnership): PolicyDraft {
  return {
    name: policy.name,
    numbers: Object.fromEntries(numberFields.map((field) => [field, policy[field]])) as Record<NumberField, number>,
    minimumOsVersion: { ...policy.minimumOsVersion },
    required: { ...policy.required },
    linuxOnAccessScanRequired: policy.linuxOnAccessScanRequired,
    edrServices: policy.edrServices,
    ownership,
  };
}

export function sameDraft(a: PolicyDraft, b: PolicyDraft): boolean {
  return (
    a.name === b.name &&
    a.ownership === b.ownership &&
    a.linuxOnAccessScanRequired === b.linuxOnAccessScanRequired &&
    JSON.stringify(a.edrServices) === JSON.stringify(b.edrServices) &&
    numberFields.every((field) => a.numbers[field] === b.numbers[field]) &&
    selfCheckOses.every((os) => a.minimumOsVersion[os] === b.minimumOsVersion[os]) &&
    checkIds.every((id) => a.required[id] === b.required[id])
  );
}

export type DraftCheck =
  { readonly ok: true; readonly policy: SelfCheckPolicy } | { readonly ok: false; readonly invalid: ReadonlySet<DraftField> };

/** Checks the draft with the contract's own schema; the fields it rejects are marked in the form. */
export function checkDraft(draft: PolicyDraft): DraftCheck {
  const parsed = SelfCheckPolicy.safeParse({
    name: draft.name,
    ...draft.numbers,
    minimumOsVersion: draft.minimumOsVersion,
    required: draft.required,
    linuxOnAccessScanRequired: draft.linuxOnAccessScanRequired,
    edrServices: draft.edrServices,
  });
  if (parsed.success) return { ok: true, policy: parsed.data };
  const invalid = new Set<DraftField>();
  for (const issue of parsed.error.issues) {
    const [first, second] = issue.path;
    if (first === 'minimumOsVersion' && typeof second === 'string' && (selfCheckOses as readonly string[]).includes(second))
      invalid.add(`minimumOsVersion.${second as SelfCheckOs}`);
    else if (first === 'name' || (numberFields as readonly unknown[]).includes(first)) invalid.add(first as DraftField);
  }
  return { ok: false, invalid };
}
