// Small helpers for the create-gap suites (createDefinitionAdvanced, createVersionSources,
// createAnswers): how many image definitions and image versions the local Azure holds, and dates
// relative to today (UTC).
import { emulatorState } from './createHelpers';

const DEFINITION = /\/providers\/microsoft\.compute\/galleries\/[^/]+\/images\/[^/]+$/;
const VERSION = /\/providers\/microsoft\.compute\/galleries\/[^/]+\/images\/[^/]+\/versions\/[^/]+$/;

/** Image definitions and image versions in the local Azure, every subscription. */
export async function galleryImageCounts(): Promise<{ definitions: number; versions: number }> {
  const ids = Object.keys((await emulatorState()).resources);
  return { definitions: ids.filter((id) => DEFINITION.test(id)).length, versions: ids.filter((id) => VERSION.test(id)).length };
}

/** YYYY-MM-DD of today plus `days` (UTC, as the end-of-life rule reads dates). */
export function utcDay(days: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days)).toISOString().slice(0, 10);
}
