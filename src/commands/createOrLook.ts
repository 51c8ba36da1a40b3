// The one create path every create uses (gallery, resource group, image definition, image
// version, role assignment): send it; when Azure refuses, fail with its words and the answers kept;
// when the outcome is unknown — the connection dropped, or Azure answered 5xx after the request
// may have reached it — look at what Azure holds before offering to try again, so a write is never
// repeated blindly and a create Azure did carry out is reported as done. Pure (no vscode), so it is
// unit-tested in plain Node.
import { azureFailure, failureKind, type FailureDetails } from '../ui/failures';

export interface CreateCall<T extends object> {
  /** What is created, in words: 'gallery "g"', 'image version 1.0.0 of ubuntu'. */
  resource: string;
  /** What a failure says could not be done; `create <resource>` by default. */
  what?: string;
  /** Sends the create (and waits, for a long-running one); undefined when the user stopped waiting. */
  create: () => Promise<T | undefined>;
  /** What Azure holds under that name now (undefined, or a not-found error, when it has nothing). */
  look: () => Promise<T | undefined>;
  /** The options object that asks for the same create again: Retry runs it, Edit and Try Again reopens the wizard with it. */
  answers: object;
  /** Whether the command takes `edit: true` (offers Edit and Try Again). Default true. */
  edit?: boolean;
  /** Where to say that a lost answer was recovered (the output channel). */
  log?: (line: string) => void;
}

/** The request may have reached Azure and been carried out: only looking tells. */
export function outcomeUnknown(error: unknown): boolean {
  const kind = failureKind(error);
  return kind === 'network' || kind === 'server';
}

function stateOf(value: object): string | undefined {
  return (value as { provisioningState?: string }).provisioningState;
}

/** Creates; answers what Azure made (or found made), undefined when the user stopped waiting; throws a CommandFailure. */
export async function createOrLook<T extends object>(call: CreateCall<T>): Promise<T | undefined> {
  const what = call.what ?? `create ${call.resource}`;
  try {
    return await call.create();
  } catch (error) {
    if (failureKind(error) === 'cancelled') throw error;
    const offers: Partial<FailureDetails> = { answers: call.answers, edit: call.edit ?? true };
    if (!outcomeUnknown(error)) throw azureFailure(what, error, offers);
    let found: T | undefined;
    try {
      found = await call.look();
    } catch (lookError) {
      if (failureKind(lookError) !== 'notFound') {
        call.log?.(`Create ${call.resource}: could not look whether Azure has it: ${(lookError as Error).message}`);
        // Not knowing, a second create could repeat one Azure carried out: no Retry, only Edit.
        throw azureFailure(what, error, { ...offers, retry: false, outcome: `Azure may have created ${call.resource} all the same: refresh the view to see before trying again.` });
      }
    }
    if (found && stateOf(found)?.toLowerCase() !== 'failed') {
      call.log?.(`Create ${call.resource}: the answer was lost, but Azure has it (${stateOf(found) ?? 'state not given'}).`);
      return found;
    }
    throw azureFailure(what, error, {
      ...offers,
      outcome: found ? `Azure holds ${call.resource} in a Failed state: trying again repairs it.` : `Azure has no ${call.resource}: nothing was created.`,
    });
  }
}
