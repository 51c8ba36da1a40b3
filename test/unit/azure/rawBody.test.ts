import assert from 'node:assert/strict';
import { createHttpHeaders, createPipelineRequest, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { rawBody, rawBodyPolicy } from '../../../src/azure/rawBody';

function requestWith(headers: Record<string, string>, body: string): PipelineRequest {
  const request = createPipelineRequest({ url: 'https://management.azure.com/x', method: 'PATCH', headers: createHttpHeaders(headers) });
  request.body = body;
  return request;
}

const sent: PipelineRequest[] = [];
const next = async (request: PipelineRequest): Promise<PipelineResponse> => {
  sent.push(request);
  return { request, status: 200, headers: createHttpHeaders() };
};

describe('azure/rawBody: an update sent as built, past the SDK serializers', () => {
  beforeEach(() => (sent.length = 0));

  it('swaps the serialized body for the built JSON and removes its marker', async () => {
    const built = { properties: { publishingProfile: { targetRegions: [{ name: 'East US', additionalReplicaSets: [{ storageAccountType: 'PremiumV2_LRS' }], aNewerMember: 1 }] } } };
    const { requestOptions } = rawBody(built);
    await rawBodyPolicy.sendRequest(requestWith(requestOptions.headers, '{}'), next);
    assert.equal(sent[0]?.body, JSON.stringify(built));
    assert.equal([...sent[0]!.headers].some(([name]) => name.startsWith('x-acg')), false, 'the marker never reaches Azure');
  });

  it('leaves requests without a marker alone (polls, reads, every other call)', async () => {
    await rawBodyPolicy.sendRequest(requestWith({}, '{"a":1}'), next);
    assert.equal(sent[0]?.body, '{"a":1}');
  });

  it('fails closed: a marker whose body is gone sends nothing instead of the SDK\'s partial body', async () => {
    const { requestOptions } = rawBody({ a: 1 });
    await rawBodyPolicy.sendRequest(requestWith(requestOptions.headers, '{}'), next);
    await assert.rejects(rawBodyPolicy.sendRequest(requestWith(requestOptions.headers, '{}'), next), /nothing was sent/);
    assert.equal(sent.length, 1);
  });
});
