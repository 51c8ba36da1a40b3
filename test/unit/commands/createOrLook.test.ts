// The one create path (src/commands/createOrLook.ts): Azure's refusal fails with the answers kept;
// an unknown outcome (connection lost, 5xx) is looked at before Retry is offered. Plain Node.
import assert from 'node:assert/strict';
import { createOrLook, outcomeUnknown } from '../../../src/commands/createOrLook';
import { CommandFailure, failureActions } from '../../../src/ui/failures';

interface Made {
  name: string;
  provisioningState?: string;
}

const dropped = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
const serverError = Object.assign(new Error('Encountered internal server error.'), { statusCode: 500, code: 'InternalServerError' });
const refused = Object.assign(new Error("The gallery name 'g' is not unique within the subscription."), { statusCode: 409, code: 'GalleryNameNotUnique' });
const notFound = Object.assign(new Error("The Resource 'g' was not found."), { statusCode: 404, code: 'ResourceNotFound' });
const answers = { name: 'g', location: 'eastus' };

/** A create call whose create and look are scripted, counting the looks. */
function call(create: () => Promise<Made | undefined>, look: () => Promise<Made | undefined>) {
  const seen = { looks: 0, lines: [] as string[] };
  return {
    seen,
    run: () =>
      createOrLook<Made>({
        resource: 'gallery "g"',
        create,
        look: () => {
          seen.looks++;
          return look();
        },
        answers,
        log: (line) => seen.lines.push(line),
      }),
  };
}

async function failureOf(promise: Promise<unknown>): Promise<CommandFailure> {
  const error = await promise.then(
    () => assert.fail('expected a failure'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof CommandFailure, `a CommandFailure, not ${String(error)}`);
  return error;
}

describe('createOrLook: create, and when the outcome is unknown look before offering to retry', () => {
  it('answers what Azure created, without looking', async () => {
    const c = call(async () => ({ name: 'g', provisioningState: 'Succeeded' }), async () => assert.fail('no look'));
    assert.deepEqual(await c.run(), { name: 'g', provisioningState: 'Succeeded' });
    assert.equal(c.seen.looks, 0);
  });

  it('passes "stopped waiting" (undefined) through', async () => {
    assert.equal(await call(async () => undefined, async () => undefined).run(), undefined);
  });

  it("Azure's refusal: no look, Azure's words, Edit and Try Again with the answers", async () => {
    const c = call(() => Promise.reject(refused), async () => assert.fail('no look'));
    const failure = await failureOf(c.run());
    assert.equal(c.seen.looks, 0);
    assert.match(failure.message, /^Could not create gallery "g": The gallery name 'g' is not unique within the subscription\. \(code GalleryNameNotUnique\) Choose another name/);
    assert.equal(failure.details.answers, answers);
    assert.deepEqual(failureActions(failure.details), ['Edit and Try Again']);
  });

  it('a lost answer to a create Azure carried out: looks, and reports it created', async () => {
    const c = call(() => Promise.reject(dropped), async () => ({ name: 'g', provisioningState: 'Succeeded' }));
    assert.deepEqual(await c.run(), { name: 'g', provisioningState: 'Succeeded' });
    assert.equal(c.seen.looks, 1);
    assert.match(c.seen.lines.join('\n'), /the answer was lost, but Azure has it \(Succeeded\)/);
  });

  it('a 5xx after which Azure has nothing: looks, says nothing was created, offers Retry and Edit', async () => {
    for (const look of [async () => undefined, () => Promise.reject(notFound)]) {
      const c = call(() => Promise.reject(serverError), look);
      const failure = await failureOf(c.run());
      assert.equal(c.seen.looks, 1);
      assert.match(failure.message, /^Could not create gallery "g": Encountered internal server error\. \(code InternalServerError\) Azure had a problem: .* Azure has no gallery "g": nothing was created\.$/);
      assert.deepEqual(failureActions(failure.details), ['Retry', 'Edit and Try Again']);
    }
  });

  it('a create left Failed: not reported as created; trying again repairs it', async () => {
    const failure = await failureOf(call(() => Promise.reject(dropped), async () => ({ name: 'g', provisioningState: 'Failed' })).run());
    assert.match(failure.message, /Azure holds gallery "g" in a Failed state: trying again repairs it\.$/);
    assert.deepEqual(failureActions(failure.details), ['Retry', 'Edit and Try Again']);
  });

  it('when even the look fails: no Retry (it could repeat a create Azure made), and says to refresh', async () => {
    const failure = await failureOf(call(() => Promise.reject(dropped), () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).run());
    assert.match(failure.message, /^Could not create gallery "g": socket hang up\. \(code ECONNRESET\) .* Azure may have created gallery "g" all the same: refresh the view to see before trying again\.$/);
    assert.deepEqual(failureActions(failure.details), ['Edit and Try Again']);
  });

  it('only network and server failures leave the outcome unknown (a 429 was not carried out)', () => {
    assert.ok(outcomeUnknown(dropped));
    assert.ok(outcomeUnknown(serverError));
    assert.ok(!outcomeUnknown({ statusCode: 429, code: 'TooManyRequests' }));
    assert.ok(!outcomeUnknown(refused));
    assert.ok(!outcomeUnknown({ statusCode: 401 }));
  });

  it('edit: false (a command without a wizard to reopen) offers no Edit and Try Again', async () => {
    const failure = await failureOf(createOrLook<Made>({ resource: 'x', create: () => Promise.reject(refused), look: async () => undefined, answers, edit: false }));
    assert.deepEqual(failureActions(failure.details), []);
  });
});
