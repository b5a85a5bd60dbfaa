/**
 * The item form's values as typed (all strings), from an item on record or from an attached
 * medium, their checks, and the draft the main process receives. Capacity is typed in GB as
 * the maker prints it on the medium; a capacity read from the hardware is kept to the byte
 * unless the engineer changes it.
 */
import { encryptionStates, mediumTypes } from '@shared/ledger';
import type { DetectedMedium, ItemDraft, LedgerItem } from './use-ledger';
import type { TextKey } from '../../i18n/text-key';

export type ItemField =
  | 'label'
  | 'type'
  | 'make'
  | 'model'
  | 'serial'
  | 'capacityGb'
  | 'encryption'
  | 'owner'
  | 'storageLocation'
  | 'purchaseDate'
  | 'warrantyEnd'
  | 'notes';
export type ItemFormValues = Record<ItemField, string>;

export const itemMaxLength: Partial<Record<ItemField, number>> = {
  label: 60,
  make: 100,
  model: 200,
  serial: 100,
  owner: 100,
  storageLocation: 200,
  notes: 2000,
};

export const emptyItem: ItemFormValues = {
  label: '',
  type: 'usb-memory',
  make: '',
  model: '',
  serial: '',
  capacityGb: '',
  encryption: 'unknown',
  owner: '',
  storageLocation: '',
  purchaseDate: '',
  warrantyEnd: '',
  notes: '',
};

function gigabytes(bytes: number | null): string {
  if (bytes === null) return '';
  return String(Math.round((bytes / 1e9) * 100) / 100);
}

export function valuesOf(item: LedgerItem): ItemFormValues {
  return {
    label: item.label,
    type: item.type,
    make: item.make,
    model: item.model,
    serial: item.serial,
    capacityGb: gigabytes(item.capacityBytes),
    encryption: item.encryption,
    owner: item.owner,
    storageLocation: item.storageLocation,
    purchaseDate: item.purchaseDate ?? '',
    warrantyEnd: item.warrantyEnd ?? '',
    notes: item.notes,
  };
}

export function valuesFromMedium(medium: DetectedMedium): ItemFormValues {
  return {
    ...emptyItem,
    type: medium.suggestedType,
    make: medium.vendor ?? '',
    model: medium.model ?? medium.volumeLabel ?? '',
    serial: medium.serial ?? '',
    capacityGb: gigabytes(medium.deviceSizeBytes ?? medium.sizeBytes),
  };
}

/** The i18n key of each field's problem. */
export function checkItem(values: ItemFormValues): Partial<Record<ItemField, TextKey>> {
  const problems: Partial<Record<ItemField, TextKey>> = {};
  if (values.label.trim() === '') problems.label = 'ledger.form.labelRequired';
  const capacity = values.capacityGb.trim();
  if (capacity !== '' && !(Number.isFinite(Number(capacity)) && Number(capacity) >= 0)) problems.capacityGb = 'ledger.form.capacityInvalid';
  if (values.purchaseDate !== '' && values.warrantyEnd !== '' && values.warrantyEnd < values.purchaseDate)
    problems.warrantyEnd = 'ledger.form.warrantyBeforePurchase';
  return problems;
}

/**
 * The draft to save. `exactBytes` is the capacity read from the hardware or on record: kept as
 * it is while the typed GB still shows it.
 */
export function draftOf(values: ItemFormValues, id: string | undefined, initial: { capacityGb: string; bytes: number | null }): ItemDraft {
  const capacity = values.capacityGb.trim();
  const capacityBytes =
    capacity === '' ? null : capacity === initial.capacityGb && initial.bytes !== null ? initial.bytes : Math.round(Number(capacity) * 1e9);
  return {
    ...(id === undefined ? {} : { id }),
    label: values.label.trim(),
    type: mediumTypes.find((type) => type === values.type) ?? 'other',
    make: values.make.trim(),
    model: values.model.trim(),
    serial: values.serial.trim(),
    capacityBytes,
    encryption: encryptionStates.find((state) => state === values.encryption) ?? 'unknown',
    owner: values.owner.trim(),
    storageLocation: values.storageLocation.trim(),
    purchaseDate: values.purchaseDate === '' ? null : values.purchaseDate,
    warrantyEnd: values.warrantyEnd === '' ? null : values.warrantyEnd,
    notes: values.notes.trim(),
  };
}
