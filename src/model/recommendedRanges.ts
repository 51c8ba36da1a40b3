// The recommended machine configuration of an image definition (`recommended.vCPUs` and
// `recommended.memory`, each a ResourceRange {min, max} of int32 in GalleryRP.json; memory is in
// GB). Both ends are optional; when both are given, min must not exceed max. Azure sets no upper
// limit beyond int32, so neither does this module.

export const RANGE_VALUE_MAX = 2_147_483_647;

export interface ResourceRange {
  min?: number;
  max?: number;
}

/** Reads a whole positive number as typed in an input box; undefined for anything else. */
export function parsePositiveInteger(text: string): number | undefined {
  if (!/^[0-9]+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= RANGE_VALUE_MAX ? n : undefined;
}

/** Input-box check for one end of a range; empty is accepted (the value is optional). */
export function validatePositiveIntegerText(value: string, what: string): string | undefined {
  if (value.length === 0) return undefined;
  if (!/^[0-9]+$/.test(value)) return `Enter the ${what} as a whole number, such as 4, or leave it empty.`;
  if (parsePositiveInteger(value) === undefined) {
    return /^0+$/.test(value)
      ? `Enter at least 1 for the ${what}, or leave it empty.`
      : `Enter at most ${RANGE_VALUE_MAX} for the ${what}.`;
  }
  return undefined;
}

function checkEnd(value: number | undefined, label: string): string | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value)) return `Use a whole number for the ${label}.`;
  if (value < 1) return `Use at least 1 for the ${label}.`;
  if (value > RANGE_VALUE_MAX) return `Use at most ${RANGE_VALUE_MAX} for the ${label}.`;
  return undefined;
}

/** Checks a recommended range; `what` is "vCPUs" or "memory (GB)". */
export function validateResourceRange(range: ResourceRange, what: string): string | undefined {
  const problem = checkEnd(range.min, `minimum ${what}`) ?? checkEnd(range.max, `maximum ${what}`);
  if (problem) return problem;
  if (range.min !== undefined && range.max !== undefined && range.min > range.max) {
    return `Make the minimum ${what} (${range.min}) no larger than the maximum (${range.max}).`;
  }
  return undefined;
}

export function validateRecommendedVCpus(range: ResourceRange): string | undefined {
  return validateResourceRange(range, 'vCPUs');
}

export function validateRecommendedMemory(range: ResourceRange): string | undefined {
  return validateResourceRange(range, 'memory (GB)');
}
