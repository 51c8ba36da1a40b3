import { strict as assert } from 'node:assert';
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import type { Disk } from '@azure/arm-compute';
import { ResourceManagementClient } from '@azure/arm-resources';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import type { RunningEmulator } from '../emulator/index';
import { CONTOSO_TENANT_ID, DEVELOPMENT_SUBSCRIPTION_ID, FABRIKAM_TENANT_ID, GROUPS, PRODUCTION_SUBSCRIPTION_ID, ROLE_IDS, USERS } from '../emulator/index';
import { GALLERY_API, POLL, armCode, computeClient, credentialFor, errorOf, raw, startFast, tokenFor } from './helpers';

const tls = (emu: RunningEmulator) => ({ endpoint: emu.url, tlsOptions: { ca: emu.caCertPem } });
const SUB = PRODUCTION_SUBSCRIPTION_ID;

/** Subscriptions, resource groups, sources, RBAC and Graph: checked by shape (no spec for them here). */
describe('subscriptions, resource groups, sources, RBAC and Graph', function () {
  let emu: RunningEmulator;
  before(async () => {
    emu = await startFast({ seed: 'demo' });
  });
  after(async () => emu?.stop());

  it('@azure/arm-resources-subscriptions: tenants, subscriptions (only the caller’s), one subscription, locations', async () => {
    const client = new SubscriptionClient(credentialFor(emu), tls(emu));
    const tenants = [];
    for await (const t of client.tenants.list()) tenants.push(t);
    assert.deepEqual(tenants.map((t) => t.tenantId).sort(), [CONTOSO_TENANT_ID, FABRIKAM_TENANT_ID].sort());
    const subs = [];
    for await (const s of client.subscriptions.list()) subs.push(s);
    assert.deepEqual(subs.map((s) => s.subscriptionId).sort(), [PRODUCTION_SUBSCRIPTION_ID, DEVELOPMENT_SUBSCRIPTION_ID].sort());
    for (const s of subs) {
      assert.equal(s.state, 'Enabled');
      assert.equal(s.tenantId, CONTOSO_TENANT_ID);
      assert.ok(s.displayName);
      assert.equal(s.id, `/subscriptions/${s.subscriptionId}`);
    }
    const one = await client.subscriptions.get(SUB);
    assert.equal(one.displayName, 'Contoso Production');
    const locations = [];
    for await (const l of client.subscriptions.listLocations(SUB)) locations.push(l);
    assert.ok(locations.some((l) => l.name === 'eastus' && l.displayName === 'East US'));
  });

  it('@azure/arm-resources 8: resource groups list, get, create (201/200), HEAD check, delete (async)', async () => {
    const client = new ResourceManagementClient(credentialFor(emu), SUB, tls(emu));
    const groups = [];
    for await (const g of client.resourceGroups.list()) groups.push(g.name);
    assert.ok(groups.includes('rg-images'));
    const created = await client.resourceGroups.createOrUpdate('rg-conformance', { location: 'westeurope', tags: { a: 'b' } });
    assert.equal(created.location, 'westeurope');
    assert.equal(created.properties?.provisioningState, 'Succeeded');
    assert.equal((await client.resourceGroups.get('rg-conformance')).id, `/subscriptions/${SUB}/resourceGroups/rg-conformance`);
    assert.equal((await client.resourceGroups.checkExistence('rg-conformance')).body, true);
    assert.equal((await client.resourceGroups.checkExistence('rg-absent')).body, false);
    await client.resourceGroups.delete('rg-conformance', POLL);
    assert.equal((await client.resourceGroups.checkExistence('rg-conformance')).body, false);
    const token = await tokenFor(emu);
    const res = await raw(emu, 'PUT', `/subscriptions/${SUB}/resourcegroups/bad.?api-version=2021-04-01`, { token, body: { location: 'eastus' } });
    assert.equal(errorOf(res).code, 'InvalidResourceGroup');
    assert.equal(errorOf(await raw(emu, 'GET', `/subscriptions/${SUB}/resourcegroups/nope?api-version=2025-04-01`, { token })).code, 'ResourceGroupNotFound');
  });

  it('image-version sources (managed images, VMs, snapshots, disks) list and get with OS type, generation, security type', async () => {
    const client = computeClient(emu, SUB);
    const images = [];
    for await (const i of client.images.list()) images.push(i);
    assert.ok(images.length >= 4);
    const img = images.find((i) => i.name === 'img-centos-gen1-westeurope');
    assert.equal(img?.location, 'westeurope');
    assert.equal(img?.hyperVGeneration, 'V1');
    assert.equal(img?.storageProfile?.osDisk?.osType, 'Linux');
    const vm = await client.virtualMachines.get('rg-image-builds', 'vm-build-rhel9');
    assert.equal(vm.securityProfile?.securityType, 'TrustedLaunch');
    assert.equal(vm.storageProfile?.osDisk?.osType, 'Linux');
    const vms = [];
    for await (const v of client.virtualMachines.list('rg-image-builds')) vms.push(v.name);
    assert.ok(vms.includes('vm-build-win2022'));
    const disks = [];
    for await (const d of client.disks.listByResourceGroup('rg-image-builds')) disks.push(d);
    assert.equal(disks.find((d) => d.name === 'disk-debian12-os')?.hyperVGeneration, 'V2');
    // Every VM's OS disk is a disk resource of its own, managed by the VM, where its generation is.
    const allDisks: Disk[] = [];
    for await (const d of client.disks.list()) allDisks.push(d);
    const osDiskOf = async (name: string) => {
      const model = await client.virtualMachines.get('rg-image-builds', name);
      const disk = allDisks.find((d) => d.id?.toLowerCase() === model.storageProfile?.osDisk?.managedDisk?.id?.toLowerCase());
      assert.ok(disk, `${name}'s OS disk is listed`);
      assert.equal(disk.managedBy, model.id);
      assert.equal(disk.diskState, 'Attached');
      assert.equal(disk.osType, model.storageProfile?.osDisk?.osType);
      return disk;
    };
    assert.equal((await osDiskOf('vm-build-rhel9')).hyperVGeneration, 'V2');
    assert.equal((await osDiskOf('vm-build-rhel9')).securityProfile?.securityType, 'TrustedLaunch');
    assert.equal((await osDiskOf('vm-build-centos7-gen1')).hyperVGeneration, 'V1');
    assert.equal((await osDiskOf('vm-cvm-ubuntu')).securityProfile?.securityType, 'ConfidentialVM_VMGuestStateOnlyEncryptedWithPlatformKey');
    assert.equal((await osDiskOf('vm-legacy-ubuntu1804')).hyperVGeneration, undefined, 'a disk from before Generation 2 states none');
    const snaps = [];
    for await (const s of client.snapshots.list()) snaps.push(s);
    assert.ok(snaps.some((s) => s.osType === 'Windows' && s.location === 'westeurope'));
    await assert.rejects(client.images.get('rg-image-builds', 'missing'), (e) => armCode(e).statusCode === 404);
  });

  it('@azure/arm-authorization 9: role definitions by name; role assignments at gallery / image / version scope', async () => {
    const client = new AuthorizationManagementClient(credentialFor(emu), SUB, tls(emu));
    const gallery = `/subscriptions/${SUB}/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/contoso_images`;
    const readers = [];
    for await (const d of client.roleDefinitions.list(gallery, { filter: "roleName eq 'Reader'" })) readers.push(d);
    assert.equal(readers.length, 1);
    assert.equal(readers[0].name, ROLE_IDS.Reader);
    const sharingAdmin = [];
    for await (const d of client.roleDefinitions.list(`/subscriptions/${SUB}`, { filter: "roleName eq 'Compute Gallery Sharing Admin'" })) sharingAdmin.push(d);
    assert.equal(sharingAdmin.length, 1);
    const def = await client.roleDefinitions.get(gallery, ROLE_IDS.Reader);
    assert.equal(def.roleName, 'Reader');
    for (const scope of [gallery, `${gallery}/images/ubuntu-22.04-lts`, `${gallery}/images/ubuntu-22.04-lts/versions/1.0.0`]) {
      const name = crypto.randomUUID();
      const created = await client.roleAssignments.create(scope, name, { roleDefinitionId: readers[0].id!, principalId: USERS.grace.id, principalType: 'User' });
      assert.equal(created.scope, scope);
      await assert.rejects(
        client.roleAssignments.create(scope, crypto.randomUUID(), { roleDefinitionId: readers[0].id!, principalId: USERS.grace.id }),
        (e) => armCode(e).statusCode === 409 && armCode(e).code === 'RoleAssignmentExists',
      );
      const atScope = [];
      for await (const a of client.roleAssignments.listForScope(scope, { filter: 'atScope()' })) atScope.push(a);
      assert.ok(atScope.some((a) => a.name === name));
      assert.equal((await client.roleAssignments.get(scope, name)).principalId, USERS.grace.id);
      await client.roleAssignments.delete(scope, name);
    }
    await assert.rejects(
      client.roleAssignments.create(gallery, crypto.randomUUID(), { roleDefinitionId: readers[0].id!, principalId: '12345678-0000-4000-8000-000000000000' }),
      (e) => armCode(e).code === 'PrincipalNotFound',
    );
  });

  it('Graph v1.0 under /graph: e-mail → object id (users, groups, servicePrincipals; eq and startswith)', async () => {
    const token = await tokenFor(emu);
    const q = (path: string) => raw(emu, 'GET', `/graph/v1.0/${path}`, { token });
    let res = await q(`users?$filter=${encodeURIComponent(`mail eq '${USERS.ada.mail}'`)}`);
    assert.deepEqual((res.body as { value: Array<{ id: string }> }).value.map((u) => u.id), [USERS.ada.id]);
    res = await q(`users?$filter=${encodeURIComponent(`userPrincipalName eq '${USERS.grace.mail}' or mail eq '${USERS.grace.mail}'`)}`);
    assert.equal((res.body as { value: unknown[] }).value.length, 1);
    res = await q(`users?$filter=${encodeURIComponent("startswith(displayName,'a')")}`);
    assert.deepEqual((res.body as { value: Array<{ displayName: string }> }).value.map((u) => u.displayName).sort(), ['Ada Lovelace', 'Alan Turing']);
    res = await q(`groups?$filter=${encodeURIComponent(`mail eq '${GROUPS.publishers.mail}'`)}`);
    assert.equal((res.body as { value: Array<{ id: string }> }).value[0].id, GROUPS.publishers.id);
    res = await q(`servicePrincipals?$filter=${encodeURIComponent("appId eq 'c0ffee00-0000-4000-8000-000000000001'")}`);
    assert.equal((res.body as { value: unknown[] }).value.length, 1);
    res = await q(`users?$filter=${encodeURIComponent("mail eq 'pat.kim@fabrikam.com'")}`);
    assert.equal((res.body as { value: unknown[] }).value.length, 0, 'other tenant’s users are not visible');
    res = await q(`users/${USERS.alan.id}`);
    assert.equal((res.body as { mail: string }).mail, USERS.alan.mail);
    res = await q('users/00000000-0000-4000-8000-000000000000');
    assert.equal(res.status, 404);
    assert.equal((await raw(emu, 'GET', '/graph/v1.0/users')).status, 401);
  });

  it('galleries list pages with nextLink ($skiptoken, full URL); every item once', async () => {
    emu.admin.setConfig({ pageSize: 1 });
    const token = await tokenFor(emu);
    let url: string | undefined = `/subscriptions/${SUB}/providers/Microsoft.Compute/galleries?api-version=${GALLERY_API}`;
    const names: string[] = [];
    let pages = 0;
    while (url) {
      const res = await raw(emu, 'GET', url, { token });
      const body = res.body as { value: Array<{ name: string }>; nextLink?: string };
      names.push(...body.value.map((v) => v.name));
      if (body.nextLink) {
        assert.ok(body.nextLink.startsWith(`${emu.url}/`));
        assert.match(body.nextLink, /\$skiptoken=/);
        assert.match(body.nextLink, /api-version=2025-12-03/);
      }
      url = body.nextLink;
      pages++;
    }
    assert.equal(pages, names.length);
    assert.deepEqual([...new Set(names)].sort(), names.sort());
    const sdkNames: string[] = [];
    for await (const g of computeClient(emu, SUB).galleries.list()) sdkNames.push(g.name ?? '');
    assert.deepEqual(sdkNames.sort(), names.sort());
    emu.admin.setConfig({ pageSize: 100 });
  });
});
