import * as fs from 'node:fs';
import * as path from 'node:path';
import { RESULTS_DIR } from './paths';

export interface SuiteResult {
  suite: string;
  passed: number;
  failed: number;
  pending: number;
  /** A failure outside any test (the runner itself broke). */
  error?: string;
}

export function resultsFile(suite: string): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  return path.join(RESULTS_DIR, `${suite}.json`);
}

export function writeResult(result: SuiteResult): void {
  fs.writeFileSync(resultsFile(result.suite), JSON.stringify(result, null, 2));
}

export function readResult(suite: string): SuiteResult | undefined {
  try {
    return { suite, ...(JSON.parse(fs.readFileSync(resultsFile(suite), 'utf8')) as Omit<SuiteResult, 'suite'>) };
  } catch {
    return undefined;
  }
}
