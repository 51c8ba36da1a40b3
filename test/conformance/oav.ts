import * as path from 'node:path';
import { LiveValidator } from 'oav';
import type { TrafficPair } from '../emulator/index';

// Vendored (see azure-rest-spec/README.md), so a clean clone validates against it anywhere.
export const GALLERY_SPEC_DIR = path.resolve(__dirname, 'azure-rest-spec/specification/compute/resource-manager/Microsoft.Compute/Compute/stable/2025-12-03');

/** The gallery API's paths (what GalleryRP.json describes); sources, LRO status URLs etc. are checked elsewhere. */
export function isGalleryPair(pair: TrafficPair): boolean {
  const p = new URL(pair.liveRequest.url).pathname;
  if (/\/capsOperations\//i.test(p)) return false;
  return /\/providers\/Microsoft\.Compute\/(galleries|locations\/[^/]+\/(sharedGalleries|communityGalleries|sharedGallerySubscriptions|tenantLevelSharedGallerySubscriptions))/i.test(p);
}

export interface ValidationSummary {
  pairs: number;
  operationsInSpec: string[];
  covered: Set<string>;
  failures: string[];
}

interface Issue {
  code: string;
  message: string;
  jsonPathsInPayload?: string[];
}

interface ValidationPart {
  isSuccessful?: boolean;
  operationInfo?: { operationId?: string };
  errors?: Issue[];
  runtimeException?: { code: string; message: string };
}

/** Validates recorded pairs in-process with Azure's oav; unmatched operations count as failures. */
export async function validateWithOav(pairs: TrafficPair[]): Promise<ValidationSummary> {
  const validator = new LiveValidator(
    {
      directory: GALLERY_SPEC_DIR,
      swaggerPathsPattern: ['GalleryRP.json'],
      git: { shouldClone: false },
      checkUnderFileRoot: false,
      loadValidatorInBackground: false,
    } as ConstructorParameters<typeof LiveValidator>[0],
    () => undefined,
  );
  await validator.initialize();
  const operationsInSpec = countOperations(validator);
  const covered = new Set<string>();
  const failures: string[] = [];
  for (const pair of pairs) {
    const result = (await validator.validateLiveRequestResponse(pair as Parameters<LiveValidator['validateLiveRequestResponse']>[0])) as unknown as {
      requestValidationResult: ValidationPart;
      responseValidationResult: ValidationPart;
    };
    const label = `${pair.liveRequest.method} ${new URL(pair.liveRequest.url).pathname} → ${pair.liveResponse.statusCode}`;
    for (const [side, part] of [['request', result.requestValidationResult], ['response', result.responseValidationResult]] as const) {
      if (part.runtimeException) failures.push(`${label} [${side}] ${part.runtimeException.code}: ${part.runtimeException.message}`);
      for (const e of part.errors ?? []) failures.push(`${label} [${side}] ${e.code}: ${e.message} at ${(e.jsonPathsInPayload ?? []).join(',')}`);
    }
    const op = result.requestValidationResult.operationInfo?.operationId;
    if (op && op !== 'unknownOperationId') covered.add(op);
  }
  return { pairs: pairs.length, operationsInSpec, covered, failures };
}

/** Every operationId the loaded spec defines (the searcher caches provider → api-version → verb → operations). */
function countOperations(validator: LiveValidator): string[] {
  const ids = new Set<string>();
  for (const versions of validator.operationSearcher.cache.values()) {
    for (const verbs of versions.values()) for (const ops of verbs.values()) for (const op of ops) if (op.operationId) ids.add(op.operationId);
  }
  return [...ids].sort();
}
