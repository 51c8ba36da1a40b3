import assert from 'node:assert/strict';
import {
  asCommandFailure,
  attempt,
  azureFailure,
  CommandFailure,
  commandWords,
  failureActions,
  failureKind,
  failureLabel,
  failureLogLine,
  failureMessage,
  failureText,
  inputFailure,
  isTransient,
} from '../../../src/ui/failures';

describe('failure wording', () => {
  it('classifies Azure failures by status and code', () => {
    assert.equal(failureKind({ statusCode: 429, code: 'TooManyRequests' }), 'throttled');
    assert.equal(failureKind({ statusCode: 401, code: 'ExpiredAuthenticationToken' }), 'signIn');
    assert.equal(failureKind({ code: 'CredentialUnavailableError' }), 'signIn');
    assert.equal(failureKind({ statusCode: 403, code: 'AuthorizationFailed' }), 'forbidden');
    assert.equal(failureKind({ code: 'ECONNRESET', message: 'socket hang up' }), 'network');
    assert.equal(failureKind({ code: 'REQUEST_SEND_ERROR' }), 'network');
    assert.equal(failureKind({ statusCode: 503, code: 'ServiceUnavailable' }), 'server');
    assert.equal(failureKind({ statusCode: 409, code: 'GalleryNameNotUnique' }), 'conflict');
    assert.equal(failureKind({ statusCode: 404, code: 'ResourceNotFound' }), 'notFound');
    assert.equal(failureKind({ statusCode: 400, code: 'InvalidParameter' }), 'invalid');
    assert.equal(failureKind({ code: 'Cancelled' }), 'cancelled');
    assert.equal(failureKind(new Error('boom')), 'other');
  });

  it('only throttling, network and server failures are worth retrying as they are', () => {
    assert.ok(isTransient({ statusCode: 429 }));
    assert.ok(isTransient({ code: 'ECONNRESET' }));
    assert.ok(isTransient({ statusCode: 500 }));
    assert.ok(!isTransient({ statusCode: 400, code: 'InvalidParameter' }));
    assert.ok(!isTransient({ statusCode: 401 }));
  });

  it("keeps Azure's message and code, then says what to do next", () => {
    const text = failureMessage('create gallery "g"', { statusCode: 409, code: 'GalleryNameNotUnique', message: 'Gallery name already exists' });
    assert.equal(text, 'Could not create gallery "g": Gallery name already exists. (code GalleryNameNotUnique) Choose another name (or the other values Azure names above), then try again.');
  });

  it('says plainly that Azure is throttling, not a stack trace', () => {
    const text = failureMessage('list galleries', { statusCode: 429, code: 'TooManyRequests', message: "Number of requests for subscription '…' exceeded the limit." });
    assert.match(text, /^Could not list galleries: Azure is throttling requests\. \(code TooManyRequests\) .*wait a minute/);
    assert.doesNotMatch(text, /\n\s+at /);
    assert.match(failureLabel('galleries', { statusCode: 429 }), /^Azure is throttling requests/);
  });

  it('names sign-in, access and network failures in a tree row', () => {
    assert.equal(failureLabel('galleries', { statusCode: 401 }), 'Sign in again to load galleries');
    assert.equal(failureLabel('galleries', { statusCode: 403, message: 'The client does not have authorization.' }), 'No access to galleries: The client does not have authorization.');
    assert.equal(failureLabel('galleries', { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }), 'Could not reach Azure to load galleries');
  });

  it('turns a command id into words for messages', () => {
    assert.equal(commandWords('azureComputeGallery.copyImageReference'), 'copy image reference');
  });
});

describe('one failure path: what a command throws, and what the command table shows', () => {
  const refused = { statusCode: 409, code: 'GalleryNameNotUnique', message: "The gallery name 'g' is not unique within the subscription.", requestId: 'req-1' };

  it("words Azure's failure verbatim, then the next step, then what was or was not done", () => {
    const failure = azureFailure('create gallery "g"', refused, { outcome: 'Nothing was created.' });
    assert.equal(
      failure.message,
      `Could not create gallery "g": The gallery name 'g' is not unique within the subscription. (code GalleryNameNotUnique) Choose another name (or the other values Azure names above), then try again. Nothing was created.`,
    );
    assert.equal(failureText(failure.details), failure.message);
  });

  it('words problems found before anything was sent as "<Title>: <problems> <outcome>"', () => {
    const failure = inputFailure('Create Gallery', ['Name: Use letters, digits, dots and underscores.', 'Region: Choose a region.'], 'Nothing was created.');
    assert.equal(failure.message, 'Create Gallery: Name: Use letters, digits, dots and underscores. Region: Choose a region. Nothing was created.');
    assert.deepEqual(failureActions(failure.details), [], 'no Retry: the same answers would fail the same way');
  });

  it('offers Sign In and Retry for a refused sign-in, Retry only for what may pass by itself', () => {
    assert.deepEqual(failureActions({ context: 'x', cause: { statusCode: 401, code: 'ExpiredAuthenticationToken' } }), ['Sign In and Retry']);
    assert.deepEqual(failureActions({ context: 'x', cause: { statusCode: 503 } }), ['Retry']);
    assert.deepEqual(failureActions({ context: 'x', cause: { statusCode: 429 } }), ['Retry']);
    assert.deepEqual(failureActions({ context: 'x', cause: refused }), []);
    assert.deepEqual(failureActions({ context: 'x', cause: { code: 'ECONNRESET' }, retry: false }), [], 'a create whose outcome could not be checked is not retried blindly');
  });

  it('offers Edit and Try Again only with the answers to edit, and its own actions last', () => {
    const run = () => undefined;
    assert.deepEqual(failureActions({ context: 'x', cause: refused, edit: true }), [], 'no answers, nothing to edit');
    assert.deepEqual(failureActions({ context: 'x', cause: refused, edit: true, answers: { name: 'g' } }), ['Edit and Try Again']);
    assert.deepEqual(failureActions({ context: 'x', cause: { code: 'ECONNRESET' }, edit: true, answers: {}, actions: [{ label: 'Show in Tree', run }] }), ['Retry', 'Edit and Try Again', 'Show in Tree']);
  });

  it('treats any other error as the command\'s own failure, and logs code and request id', () => {
    const plain = asCommandFailure(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'azureComputeGallery.viewProperties');
    assert.equal(plain.context, 'view properties');
    assert.match(failureText(plain), /^Could not view properties: socket hang up\. \(code ECONNRESET\) Azure could not be reached/);
    const thrown = azureFailure('create gallery "g"', refused);
    assert.equal(asCommandFailure(thrown, 'azureComputeGallery.createGallery'), thrown.details);
    assert.match(failureLogLine('azureComputeGallery.createGallery', thrown.details), /^azureComputeGallery\.createGallery: Could not create gallery "g": .* \[GalleryNameNotUnique\] request req-1$/);
  });

  it('attempt() names what was being done, and passes a CommandFailure through unchanged', async () => {
    const failed = await attempt('read gallery g', () => Promise.reject(Object.assign(new Error('Not there.'), { statusCode: 404, code: 'ResourceNotFound' }))).catch((e: unknown) => e);
    assert.ok(failed instanceof CommandFailure);
    assert.equal(failed.message, 'Could not read gallery g: Not there. (code ResourceNotFound) It may have been deleted or moved: refresh the view.');
    const inner = inputFailure('Edit Tags', ['Remove "&".'], 'Nothing was changed.');
    assert.equal(await attempt('update the tags', () => Promise.reject(inner)).catch((e: unknown) => e), inner);
    assert.equal(await attempt('read', () => Promise.resolve(7)), 7);
  });
});
