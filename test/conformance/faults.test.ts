import { strict as assert } from 'node:assert';
import type { RunningEmulator } from '../emulator/index';
import { DEVELOPMENT_SUBSCRIPTION_ID, PRODUCTION_SUBSCRIPTION_ID } from '../emulator/index';
import { GALLERY_API, errorOf, raw, startFast, tokenFor } from './helpers';

const list = (sub: string): string => `/subscriptions/${sub}/providers/Microsoft.Compute/galleries?api-version=${GALLERY_API}`;

/** Each knob, set through the in-process admin and through POST /_admin/config. */
describe('fault and latency knobs', function () {
  let emu: RunningEmulator;
  let token: string;
  before(async () => {
    emu = await startFast({ seed: 'demo' });
    token = await tokenFor(emu);
  });
  after(async () => emu?.stop());
  afterEach(() => emu.admin.setConfig({ faults: [], latencyMs: 0 }));

  it('latency is added to every request', async () => {
    emu.admin.setConfig({ latencyMs: 120 });
    const t = Date.now();
    await raw(emu, 'GET', list(PRODUCTION_SUBSCRIPTION_ID), { token });
    assert.ok(Date.now() - t >= 110);
  });

  it('429 with Retry-After on every Nth request, limited to a path pattern', async () => {
    emu.admin.setConfig({ faults: [{ kind: 'throttle', every: 2, retryAfterSeconds: 3, path: '/galleries$' }] });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await raw(emu, 'GET', list(PRODUCTION_SUBSCRIPTION_ID), { token });
      statuses.push(res.status);
      if (res.status === 429) {
        assert.equal(res.headers['retry-after'], '3');
        assert.equal(errorOf(res).code, 'TooManyRequests');
      }
    }
    assert.deepEqual(statuses, [200, 429, 200, 429]);
    assert.equal((await raw(emu, 'GET', `/subscriptions?api-version=2022-12-01`, { token })).status, 200, 'other paths unaffected');
  });

  it('500 and 503 (with Retry-After), a limited number of times', async () => {
    emu.admin.setConfig({ faults: [{ kind: 'error', status: 503, times: 1, retryAfterSeconds: 2 }, { kind: 'error', status: 500, times: 1 }] });
    let res = await raw(emu, 'GET', list(PRODUCTION_SUBSCRIPTION_ID), { token });
    assert.equal(res.status, 503);
    assert.equal(res.headers['retry-after'], '2');
    assert.equal(errorOf(res).code, 'ServiceUnavailable');
    res = await raw(emu, 'GET', list(PRODUCTION_SUBSCRIPTION_ID), { token });
    assert.equal(res.status, 500);
    assert.equal(errorOf(res).code, 'InternalServerError');
    assert.equal((await raw(emu, 'GET', list(PRODUCTION_SUBSCRIPTION_ID), { token })).status, 200);
  });

  it('dropped connections (socket destroyed, no answer)', async () => {
    emu.admin.setConfig({ faults: [{ kind: 'drop', times: 1, method: 'GET' }] });
    await assert.rejects(raw(emu, 'GET', list(PRODUCTION_SUBSCRIPTION_ID), { token }), /socket hang up|ECONNRESET/);
    assert.equal(emu.requests.at(-1)?.status, 0);
    assert.equal((await raw(emu, 'GET', list(PRODUCTION_SUBSCRIPTION_ID), { token })).status, 200);
  });

  it('dropped after processing: the change is made, the answer is lost', async () => {
    await raw(emu, 'PUT', `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourcegroups/rg-drop?api-version=2021-04-01`, { token, body: { location: 'eastus' } });
    emu.admin.setConfig({ faults: [{ kind: 'drop', afterProcessing: true, times: 1, method: 'PUT', path: 'galleries/dropped_create' }] });
    const path = `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourceGroups/rg-drop/providers/Microsoft.Compute/galleries/dropped_create?api-version=${GALLERY_API}`;
    await assert.rejects(raw(emu, 'PUT', path, { token, body: { location: 'eastus' } }), /socket hang up|ECONNRESET/);
    assert.equal((await raw(emu, 'GET', path, { token })).status, 200, 'the gallery exists although the client never heard back');
  });

  it('restart: the local Azure goes away, drops connections, and comes back on the same port with its state', async () => {
    const names = async () => ((await raw(emu, 'GET', list(PRODUCTION_SUBSCRIPTION_ID), { token })).body as { value: { name: string }[] }).value.map((g) => g.name);
    const before = await names();
    assert.ok(before.length > 0);
    assert.equal((await raw(emu, 'POST', '/_admin/restart', { body: { downMs: 300 } })).status, 202);
    let refused = false;
    for (let i = 0; i < 100 && !refused; i++) {
      try {
        await raw(emu, 'GET', list(PRODUCTION_SUBSCRIPTION_ID), { token });
        await new Promise((r) => setTimeout(r, 10));
      } catch (error) {
        refused = /ECONNREFUSED|ECONNRESET|socket hang up/.test(String(error));
      }
    }
    assert.ok(refused, 'requests fail while it is down');
    for (let i = 0; ; i++) {
      try {
        assert.deepEqual(await names(), before);
        break;
      } catch (error) {
        if (i > 200) throw error;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  });

  it('faults scoped to one subscription; probability 1 and 0', async () => {
    emu.admin.setConfig({ faults: [{ kind: 'error', subscriptionId: DEVELOPMENT_SUBSCRIPTION_ID, probability: 1 }, { kind: 'throttle', probability: 0 }] });
    assert.equal((await raw(emu, 'GET', list(DEVELOPMENT_SUBSCRIPTION_ID), { token })).status, 500);
    assert.equal((await raw(emu, 'GET', list(PRODUCTION_SUBSCRIPTION_ID), { token })).status, 200);
  });

  it('the admin API: GET/POST /_admin/config, GET /_admin/state, POST /_admin/reset (no token needed)', async () => {
    let res = await raw(emu, 'POST', '/_admin/config', { body: { pageSize: 7, faults: [{ kind: 'throttle', path: 'never-matches' }] } });
    assert.equal(res.status, 200);
    assert.equal((res.body as { pageSize: number }).pageSize, 7);
    assert.equal(emu.admin.config().pageSize, 7);
    res = await raw(emu, 'GET', '/_admin/config');
    assert.equal((res.body as { faults: unknown[] }).faults.length, 1);
    await raw(emu, 'PUT', `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/admin_test?api-version=${GALLERY_API}`, { token, body: { location: 'eastus' } });
    res = await raw(emu, 'GET', '/_admin/state');
    assert.ok(Object.keys((res.body as { resources: Record<string, unknown> }).resources).some((k) => k.endsWith('/admin_test')));
    res = await raw(emu, 'POST', '/_admin/reset', { body: { seed: 'empty' } });
    assert.equal(res.status, 200);
    assert.equal(emu.state.resourceGroups.length, 0);
    await raw(emu, 'POST', '/_admin/reset', { body: { seed: 'demo' } });
    assert.ok(emu.state.resourceGroups.length > 0);
    emu.admin.setConfig({ pageSize: 100 });
  });

  it('the request log and traffic record every exchange, Authorization redacted', async () => {
    emu.admin.clearLogs();
    await raw(emu, 'GET', list(PRODUCTION_SUBSCRIPTION_ID), { token });
    assert.equal(emu.requests.length, 1);
    const before = Date.now();
    assert.ok(emu.requests[0].at <= before && emu.requests[0].at > before - 60_000, 'each entry has its arrival time');
    assert.deepEqual({ ...emu.requests[0], ms: 0, at: 0 }, { method: 'GET', path: `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/providers/Microsoft.Compute/galleries`, status: 200, ms: 0, at: 0 });
    const pair = emu.traffic[0];
    assert.equal(pair.liveResponse.statusCode, '200');
    assert.equal(pair.liveRequest.headers.authorization, 'Bearer <redacted>');
    assert.ok(!JSON.stringify(emu.traffic).includes(token));
  });
});
