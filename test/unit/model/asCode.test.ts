import assert from 'node:assert/strict';
import {
  applyMergePatch,
  armTemplateOf,
  azureCliOf,
  bicepOf,
  bicepValue,
  codeOf,
  exportRequests,
  parseRequest,
  parseResourcePath,
  shellQuote,
  templatable,
  writableBody,
  type ArmRequest,
} from '../../../src/model/asCode';

const RG = '/subscriptions/s1/resourceGroups/rg-images';
const GALLERY = `${RG}/providers/Microsoft.Compute/galleries/g1`;
const DEFINITION = `${GALLERY}/images/ubuntu`;
const V = '2025-12-03';
const galleryPut: ArmRequest = { method: 'PUT', url: `https://management.azure.com${GALLERY}?api-version=${V}`, body: { location: 'eastus', tags: { team: "it's" }, properties: { description: '[beta] ${x}\nline' } } };
const definitionPut: ArmRequest = {
  method: 'PUT',
  url: `https://management.azure.com${DEFINITION}?api-version=${V}`,
  body: { location: 'eastus', properties: { osType: 'Linux', osState: 'Generalized', identifier: { publisher: 'p', offer: 'o', sku: 's' }, features: [{ name: 'SecurityType', value: 'Standard' }] } },
};

describe('model/asCode', () => {
  it('reads a request apart: path without the endpoint, api-version, body', () => {
    const r = parseRequest(galleryPut);
    assert.equal(r.method, 'PUT');
    assert.equal(r.path, GALLERY);
    assert.equal(r.apiVersion, V);
    assert.deepEqual(parseResourcePath(`${DEFINITION}/versions/1.0.0`), { subscriptionId: 's1', resourceGroup: 'rg-images', type: 'Microsoft.Compute/galleries/images/versions', names: ['g1', 'ubuntu', '1.0.0'] });
    assert.equal(parseResourcePath('/subscriptions/s1'), undefined);
  });

  it('quotes for bash so any text survives', () => {
    assert.equal(shellQuote("it's"), `'it'\\''s'`);
  });

  it('Azure CLI: a PUT is az resource create with the exact body; a PATCH or POST is az rest', () => {
    const patch: ArmRequest = { method: 'PATCH', url: `${GALLERY}?api-version=${V}`, body: { properties: { description: null } } };
    const post: ArmRequest = { method: 'POST', url: `${GALLERY}/share?api-version=${V}`, body: { operationType: 'Add', groups: [] } };
    const cli = azureCliOf([galleryPut, patch, post]);
    assert.match(cli, new RegExp(`az resource create --id '${GALLERY}' --api-version ${V} --is-full-object --properties '`));
    assert.ok(cli.includes(shellQuote(JSON.stringify(galleryPut.body, null, 2))), 'the body as sent, quoted');
    assert.ok(cli.includes(`az rest --method patch --url '${GALLERY}?api-version=${V}' --body '{\n  "properties": {\n    "description": null\n  }\n}'`));
    assert.ok(cli.includes(`az rest --method post --url '${GALLERY}/share?api-version=${V}'`));
    assert.ok(!cli.includes('management.azure.com'), 'the CLI adds the cloud it is signed in to');
  });

  it('ARM template: one resource per PUT, child names joined, dependsOn its parent, literal brackets escaped', () => {
    const t = armTemplateOf([galleryPut, definitionPut]) as { resources: Record<string, unknown>[] };
    assert.equal(t.resources.length, 2);
    assert.deepEqual(t.resources[0], { type: 'Microsoft.Compute/galleries', apiVersion: V, name: 'g1', location: 'eastus', tags: { team: "it's" }, properties: { description: '[beta] ${x}\nline' } });
    assert.equal(t.resources[1].name, 'g1/ubuntu');
    assert.deepEqual(t.resources[1].dependsOn, ["[resourceId('Microsoft.Compute/galleries', 'g1')]"]);
    const bracketed = armTemplateOf([{ ...galleryPut, body: { location: 'eastus', properties: { description: '[x]' } } }]) as { resources: { properties: { description: string } }[] };
    assert.equal(bracketed.resources[0].properties.description, '[[x]');
    const alone = armTemplateOf([definitionPut]) as { resources: Record<string, unknown>[] };
    assert.equal(alone.resources[0].dependsOn, undefined, 'a parent not in the template is not waited for');
    assert.equal(templatable([galleryPut]), true);
    assert.equal(templatable([{ method: 'PATCH', url: GALLERY, body: {} }]), false);
  });

  it('Bicep: parent by symbol, an existing parent when it is not created here, escaped strings', () => {
    const both = bicepOf([galleryPut, definitionPut]);
    assert.match(both, /^resource gallery_g1 'Microsoft\.Compute\/galleries@2025-12-03' = \{\n {2}name: 'g1'\n {2}location: 'eastus'\n/);
    assert.ok(both.includes(`  tags: {\n    team: 'it\\'s'\n  }`));
    assert.ok(both.includes(`description: '[beta] \\\${x}\\nline'`));
    assert.ok(both.includes(`resource image_ubuntu 'Microsoft.Compute/galleries/images@2025-12-03' = {\n  parent: gallery_g1\n  name: 'ubuntu'`));
    const alone = bicepOf([definitionPut]);
    assert.ok(alone.startsWith(`resource gallery_g1 'Microsoft.Compute/galleries@2025-12-03' existing = {\n  parent`) === false);
    assert.ok(alone.startsWith(`resource gallery_g1 'Microsoft.Compute/galleries@2025-12-03' existing = {\n  name: 'g1'\n}`));
    assert.equal(bicepValue({ 'a-b': [1, true, null] }), "{\n  'a-b': [\n    1\n    true\n    null\n  ]\n}");
    assert.equal(codeOf('bicep', [galleryPut]), bicepOf([galleryPut]));
  });

  it('export: what Azure alone sets is left out (spec readOnly flags), parents first', () => {
    const gallery = {
      id: GALLERY, name: 'g1', type: 'Microsoft.Compute/galleries', location: 'eastus',
      properties: { description: 'd', identifier: { uniqueName: 'S1-G1' }, provisioningState: 'Succeeded', sharingProfile: { permissions: 'Groups', groups: [{ type: 'Subscriptions', ids: ['x'] }] }, sharingStatus: { aggregatedState: 'Succeeded' } },
    };
    assert.deepEqual(writableBody('Microsoft.Compute/galleries', gallery), { location: 'eastus', properties: { description: 'd', sharingProfile: { permissions: 'Groups' } } });
    const version = {
      id: `${DEFINITION}/versions/1.0.0`, name: '1.0.0', location: 'eastus',
      properties: {
        provisioningState: 'Succeeded',
        publishingProfile: { publishedDate: '2026-01-01T00:00:00Z', targetRegions: [{ name: 'East US', regionalReplicaCount: 1 }], excludeFromLatest: false },
        storageProfile: { source: { id: '/x' }, osDiskImage: { sizeInGB: 30, hostCaching: 'ReadWrite' }, dataDiskImages: [{ lun: 0, sizeInGB: 10 }] },
        replicationStatus: { aggregatedState: 'Completed', summary: [] },
        safetyProfile: { allowDeletionOfReplicatedLocations: false, reportedForPolicyViolation: false },
      },
    };
    assert.deepEqual(writableBody('Microsoft.Compute/galleries/images/versions', version), {
      location: 'eastus',
      properties: {
        publishingProfile: { targetRegions: [{ name: 'East US', regionalReplicaCount: 1 }], excludeFromLatest: false },
        storageProfile: { source: { id: '/x' }, osDiskImage: { hostCaching: 'ReadWrite' }, dataDiskImages: [{ lun: 0 }] },
        safetyProfile: { allowDeletionOfReplicatedLocations: false },
      },
    });
    const requests = exportRequests([{ id: version.id, json: version }, { id: GALLERY, json: gallery }], V);
    assert.deepEqual(requests.map((r) => r.url), [`${GALLERY}?api-version=${V}`, `${version.id}?api-version=${V}`]);
  });

  describe('VM applications (issue 16: Export covers them)', () => {
    const APP = `${GALLERY}/applications/agent`;
    const appPut: ArmRequest = { method: 'PUT', url: `${APP}?api-version=${V}`, body: { location: 'eastus', tags: { team: 'ops' }, properties: { supportedOSType: 'Linux', description: "Contoso's agent" } } };
    const versionBody = {
      location: 'eastus',
      properties: {
        publishingProfile: {
          source: { mediaLink: 'https://a.blob.core.windows.net/apps/agent.tar.gz', defaultConfigurationLink: 'https://a.blob.core.windows.net/apps/agent.json' },
          manageActions: { install: 'tar -xzf agent.tar.gz && ./install.sh', remove: './remove.sh' },
          settings: { packageFileName: 'agent.tar.gz' },
          targetRegions: [{ name: 'eastus', regionalReplicaCount: 1, storageAccountType: 'Standard_LRS' }],
          endOfLifeDate: '2030-01-01T00:00:00.000Z',
        },
      },
    };
    const versionPut: ArmRequest = { method: 'PUT', url: `${APP}/versions/1.0.0?api-version=${V}`, body: versionBody };

    it('Bicep: the application under its gallery, the version under the application, every member as sent', () => {
      const bicep = bicepOf([galleryPut, appPut, versionPut]);
      assert.ok(bicep.includes(`resource application_agent 'Microsoft.Compute/galleries/applications@2025-12-03' = {\n  parent: gallery_g1\n  name: 'agent'\n  location: 'eastus'\n  tags: {\n    team: 'ops'\n  }\n  properties: {\n    supportedOSType: 'Linux'\n    description: 'Contoso\\'s agent'\n  }\n}`), bicep);
      assert.ok(bicep.includes(`resource version_1_0_0 'Microsoft.Compute/galleries/applications/versions@2025-12-03' = {\n  parent: application_agent\n  name: '1.0.0'\n`), bicep);
      assert.ok(bicep.includes(`        install: 'tar -xzf agent.tar.gz && ./install.sh'\n`));
      assert.ok(bicep.includes(`      targetRegions: [\n        {\n          name: 'eastus'\n          regionalReplicaCount: 1\n          storageAccountType: 'Standard_LRS'\n        }\n      ]`));
      // A version alone names its gallery and application as existing parents.
      const alone = bicepOf([versionPut]);
      assert.ok(alone.startsWith(`resource gallery_g1 'Microsoft.Compute/galleries@2025-12-03' existing = {\n  name: 'g1'\n}\n\nresource application_agent 'Microsoft.Compute/galleries/applications@2025-12-03' existing = {\n  parent: gallery_g1\n  name: 'agent'\n}`), alone);
      const template = armTemplateOf([galleryPut, appPut, versionPut]) as { resources: Array<{ name: string; dependsOn?: string[] }> };
      assert.deepEqual(template.resources.map((r) => [r.name, r.dependsOn]), [
        ['g1', undefined],
        ['g1/agent', ["[resourceId('Microsoft.Compute/galleries', 'g1')]"]],
        ['g1/agent/1.0.0', ["[resourceId('Microsoft.Compute/galleries/applications', 'g1', 'agent')]"]],
      ]);
    });

    it('Azure CLI: az sig gallery-application create and version create with their own flags', () => {
      const cli = azureCliOf([appPut, versionPut]);
      const lines = (text: string) => text.split(' \\\n  ');
      const [create, version] = cli.split('\n\n').filter((c) => c.startsWith('az sig')).map((c) => c.trim());
      assert.deepEqual(lines(create!), ['az sig gallery-application create', "--subscription 's1'", "-g 'rg-images'", "-r 'g1'", "-n 'agent'", "--os-type 'Linux'", "--description 'Contoso'\\''s agent'", "--location 'eastus'", "--tags 'team=ops'"]);
      assert.deepEqual(lines(version!), [
        'az sig gallery-application version create', "--subscription 's1'", "-g 'rg-images'", "-r 'g1'", "--application-name 'agent'", "-n '1.0.0'",
        "--package-file-link 'https://a.blob.core.windows.net/apps/agent.tar.gz'", "--default-file-link 'https://a.blob.core.windows.net/apps/agent.json'",
        "--install-command 'tar -xzf agent.tar.gz && ./install.sh'", "--remove-command './remove.sh'", "--package-file-name 'agent.tar.gz'",
        `--target-regions '[{"name":"eastus","regionalReplicaCount":1,"storageAccountType":"Standard_LRS"}]'`, "--end-of-life-date '2030-01-01T00:00:00.000Z'", "--location 'eastus'",
      ]);
      assert.ok(!cli.includes('az resource create'));
    });

    it('Azure CLI: a member no flag sets (a EULA, a profile-level storage type) sends the body whole, saying why', () => {
      const withEula: ArmRequest = { ...appPut, body: { location: 'eastus', properties: { supportedOSType: 'Linux', eula: 'https://contoso.example/eula' } } };
      const withStorage: ArmRequest = { ...versionPut, body: { ...versionBody, properties: { publishingProfile: { ...versionBody.properties.publishingProfile, targetRegions: [{ name: 'eastus', regionalReplicaCount: 1 }], storageAccountType: 'Standard_ZRS' } } } };
      const cli = azureCliOf([withEula, withStorage]);
      assert.ok(cli.includes('# az sig gallery-application create has no flag for properties.eula: sent whole with az resource create.\naz resource create --id'), cli);
      assert.ok(cli.includes('# az sig gallery-application version create has no flag for properties.publishingProfile.storageAccountType: sent whole with az resource create.\naz resource create --id'), cli);
      assert.ok(!/^az sig /m.test(cli));
    });

    it('export: an application version less its published date, replication status and provisioning state', () => {
      const [req] = exportRequests([{ id: `${APP}/versions/1.0.0`, json: { id: 'x', name: '1.0.0', type: 't', ...versionBody, properties: { ...versionBody.properties, provisioningState: 'Succeeded', replicationStatus: { aggregatedState: 'Completed' }, publishingProfile: { ...versionBody.properties.publishingProfile, publishedDate: '2026-01-01' } } } }], V);
      assert.deepEqual(req!.body, versionBody);
      // As Azure returns it, with what leaving out changes nothing, the version still fits the CLI's flags.
      const returned = { ...versionBody, properties: { safetyProfile: { allowDeletionOfReplicatedLocations: false }, publishingProfile: { ...versionBody.properties.publishingProfile, replicaCount: 1, storageAccountType: 'Standard_LRS', targetRegions: [{ ...versionBody.properties.publishingProfile.targetRegions[0], excludeFromLatest: false }] } } };
      const cli = azureCliOf([{ ...versionPut, body: returned }]);
      assert.match(cli, /^az sig gallery-application version create /m);
      assert.ok(!cli.includes('az resource create') && !cli.includes('replicaCount'), cli);
      const allowed = azureCliOf([{ ...versionPut, body: { ...returned, properties: { ...returned.properties, safetyProfile: { allowDeletionOfReplicatedLocations: true } } } }]);
      assert.match(allowed, /no flag for properties\.safetyProfile: sent whole/);
    });
  });

  it('merge patch: null removes, objects merge, arrays replace', () => {
    assert.deepEqual(applyMergePatch({ a: 1, b: { c: 2, d: 3 }, e: [1] }, { a: null, b: { c: 4 }, e: [2] }), { b: { c: 4, d: 3 }, e: [2] });
  });
});
