import assert from 'node:assert/strict';
import { commandWords, failureKind, failureLabel, failureMessage, isTransient } from '../../../src/ui/failures';

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
