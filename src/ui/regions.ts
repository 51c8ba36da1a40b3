// Region names as Azure lists them for a subscription, and how prompts and summaries show one.
// Pure, so the steps that show regions can be unit-tested without VS Code.

/** Region names as Azure lists them for the subscription, for quick picks and summaries. */
export interface RegionChoice {
  name: string;
  displayName: string;
  /** Whether it has availability zones, where the locations list tells. */
  zones?: boolean;
}

export function regionLabel(regions: readonly RegionChoice[], name: string): string {
  const found = regions.find((r) => r.name.toLowerCase() === name.toLowerCase().replace(/\s+/g, ''));
  return found ? `${found.displayName} (${found.name})` : name;
}
