import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startApplicationVersion, createApplication, type NewApplication, type NewApplicationVersion } from '../../src/azure/applications';
import { exportRequestsOf, previewRequest } from '../../src/azure/asCode';
import { createGallery, createImageDefinition } from '../../src/azure/createGallery';
import { startImageVersion } from '../../src/azure/createImageVersion';
import { getResourceJson } from '../../src/azure/resourceJson';
import { createResourceGroup } from '../../src/azure/resourceGroups';
import type { NewGallery, NewImageDefinition, NewImageVersion } from '../../src/azure/writeTypes';
import { azureCliOf, writableBody, type ArmRequest } from '../../src/model/asCode';
import { DEVELOPMENT_SUBSCRIPTION_ID, LOCAL_PRINCIPAL, PRODUCTION_SUBSCRIPTION_ID } from '../emulator/index';
import { startLocalAzure, type LocalAzure } from '../unit/azure/localAzure';
import { findAz, runCommand, type Ran } from './azRunner';

/**
 * "Copy as Azure CLI" is real: the commands generated from the requests the extension would send
 * (gallery, image definition, image version) are run by Debian's `az` against the local Azure, and
 * what they create equals what the extension's own calls create from the same answers.
 * az setup as in azureCli.test.ts (see /work/shared/notes/azure-cli-client.md).
 */

const RG = 'rg-as-code';
const SOURCE_IMAGE = `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourceGroups/rg-image-builds/providers/Microsoft.Compute/images/img-ubuntu-2204-eastus`;
const GALLERY: NewGallery = { location: 'eastus', description: "Made from the extension's \"Copy as Azure CLI\"", sharing: 'Private', tags: { team: 'images' }, softDelete: true };
const DEFINITION: NewImageDefinition = {
  location: 'eastus', osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2', architecture: 'x64', securityType: 'TrustedLaunchSupported',
  publisher: 'Contoso', offer: 'AsCode', sku: '22_04', description: 'It\'s $HOME `not` expanded', endOfLifeDate: new Date('2030-01-01T00:00:00Z'),
};
const VERSION: NewImageVersion = {
  location: 'eastus', source: { kind: 'image', id: SOURCE_IMAGE }, targetRegions: [{ name: 'eastus', regionalReplicaCount: 1 }, { name: 'westus2', regionalReplicaCount: 2 }],
  replicaCount: 1, excludeFromLatest: false, tags: { build: '42' },
};

const APPLICATION: NewApplication = { location: 'eastus', supportedOSType: 'Linux', description: "Contoso's agent", tags: { team: 'ops' } };
const APPLICATION_VERSION: NewApplicationVersion = {
  location: 'eastus',
  mediaLink: 'https://contosoartifacts.blob.core.windows.net/apps/agent.tar.gz',
  defaultConfigurationLink: 'https://contosoartifacts.blob.core.windows.net/apps/agent.json',
  install: 'tar -xzf agent.tar.gz && ./install.sh "$HOME"',
  remove: './remove.sh',
  update: './update.sh',
  packageFileName: 'agent.tar.gz',
  configFileName: 'agent.json',
  targetRegions: [{ name: 'eastus', regionalReplicaCount: 1, storageAccountType: 'Standard_LRS' }, { name: 'westus2', regionalReplicaCount: 2, storageAccountType: 'Standard_ZRS' }],
  endOfLifeDate: new Date('2031-01-01T00:00:00Z'),
  tags: { build: '7' },
};

describe('Azure CLI runs what "Copy as Azure CLI" gives', function () {
  this.timeout(150_000);
  let azure: LocalAzure;
  let configDir: string;
  let env: NodeJS.ProcessEnv;

  const run = (file: string, args: string[]): Promise<Ran> => runCommand(env, file, args);

  before(async function () {
    const az = findAz();
    if (!az) throw new Error('The Azure CLI (az) is not installed: run `sudo apt-get install -y azure-cli` (Debian azure-cli 2.45; CI installs it).');
    // az waits Retry-After between polls (30 s without one).
    azure = await startLocalAzure('demo', { lro: { durationMs: 50, retryAfterSeconds: 1 }, replication: { durationMs: 100 } });
    configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'acg-az-code-'));
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^AZURE_/i.test(k)));
    env = { ...inherited, AZURE_CONFIG_DIR: configDir, AZURE_CORE_COLLECT_TELEMETRY: 'false', REQUESTS_CA_BUNDLE: azure.emu.caPath, NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost' };
    const url = azure.emu.url;
    const steps = [
      ['cloud', 'register', '--name', 'LocalAzure', '--endpoint-resource-manager', `${url}/`, '--endpoint-active-directory', `${url}/adfs`,
        '--endpoint-active-directory-resource-id', 'https://management.core.windows.net/', '--endpoint-active-directory-graph-resource-id', 'https://graph.windows.net/',
        '--endpoint-management', 'https://management.core.windows.net/', '--suffix-storage-endpoint', 'core.windows.net'],
      ['cloud', 'set', '--name', 'LocalAzure'],
      ['login', '--service-principal', '-u', LOCAL_PRINCIPAL.clientId, '-p', LOCAL_PRINCIPAL.clientSecret, '--tenant', LOCAL_PRINCIPAL.tenantId, '-o', 'none'],
      ['group', 'create', '-n', RG, '-l', 'eastus', '-o', 'none'],
    ];
    for (const args of steps) {
      const r = await run(az, args);
      assert.equal(r.code, 0, r.stderr);
    }
  });

  after(async () => {
    await azure?.stop();
    if (configDir) fs.rmSync(configDir, { recursive: true, force: true });
  });

  it('a gallery, definition and version made by the script equal those the extension makes from the same answers', async () => {
    const prod = azure.target(PRODUCTION_SUBSCRIPTION_ID);
    const before = azure.emu.traffic.length;
    const requests = [
      await previewRequest(() => createGallery(prod, RG, 'as_code', GALLERY)),
      await previewRequest(() => createImageDefinition(prod, RG, 'as_code', 'ubuntu', DEFINITION)),
      await previewRequest(() => startImageVersion(prod, RG, 'as_code', 'ubuntu', '1.0.0', VERSION)),
    ];
    assert.equal(azure.emu.traffic.length, before, 'previews send nothing');
    const script = path.join(configDir, 'as-code.sh');
    fs.writeFileSync(script, azureCliOf(requests));
    const ran = await run('/bin/bash', [script]);
    assert.equal(ran.code, 0, `the script failed:\n${ran.stderr}`);

    // The extension's own calls, same answers, in another subscription.
    const dev = azure.target(DEVELOPMENT_SUBSCRIPTION_ID);
    await createResourceGroup(dev, RG, 'eastus');
    await createGallery(dev, RG, 'as_code', GALLERY, { pollIntervalMs: 20 });
    await createImageDefinition(dev, RG, 'as_code', 'ubuntu', DEFINITION, { pollIntervalMs: 20 });
    await startImageVersion(dev, RG, 'as_code', 'ubuntu', '1.0.0', VERSION);
    await new Promise((r) => setTimeout(r, 400));

    const types = ['Microsoft.Compute/galleries', 'Microsoft.Compute/galleries/images', 'Microsoft.Compute/galleries/images/versions'];
    const ids = ['as_code', 'as_code/images/ubuntu', 'as_code/images/ubuntu/versions/1.0.0'];
    for (const [i, rest] of ids.entries()) {
      const id = (sub: string) => `/subscriptions/${sub}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/${rest}`;
      const byCli = (await getResourceJson(prod, id(PRODUCTION_SUBSCRIPTION_ID))) as { properties: { provisioningState: string } };
      const byExtension = (await getResourceJson(dev, id(DEVELOPMENT_SUBSCRIPTION_ID))) as { properties: { provisioningState: string } };
      assert.equal(byCli.properties.provisioningState, 'Succeeded', `${rest}: az waited for the operation`);
      assert.deepEqual(writableBody(types[i], byCli), writableBody(types[i], byExtension), rest);
    }
    const description = (await getResourceJson(prod, `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/as_code/images/ubuntu`)) as { properties: { description: string } };
    assert.equal(description.properties.description, DEFINITION.description, 'quotes, $ and backticks reach Azure as typed');
  });

  const appId = (sub: string, name = 'agent') => `/subscriptions/${sub}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/as_code/applications/${name}`;
  const compareApplications = async (a: string, b: string) => {
    const prod = azure.target(PRODUCTION_SUBSCRIPTION_ID);
    const dev = azure.target(DEVELOPMENT_SUBSCRIPTION_ID);
    for (const [type, suffix] of [['Microsoft.Compute/galleries/applications', ''], ['Microsoft.Compute/galleries/applications/versions', '/versions/1.0.0']] as const) {
      const byCli = (await getResourceJson(prod, `${a}${suffix}`)) as { properties: { provisioningState: string } };
      const byExtension = (await getResourceJson(dev, `${b}${suffix}`)) as { properties: { provisioningState: string } };
      // An application has no provisioning state (GalleryRP.json); a version's says az waited.
      if (suffix) assert.equal(byCli.properties.provisioningState, 'Succeeded', 'az waited for the operation');
      assert.deepEqual(writableBody(type, byCli), writableBody(type, byExtension), `${a}${suffix}`);
    }
  };

  it('a VM application and its version: az sig gallery-application create / version create make what the extension makes', async () => {
    const prod = azure.target(PRODUCTION_SUBSCRIPTION_ID);
    const requests = [
      await previewRequest(() => createApplication(prod, RG, 'as_code', 'agent', APPLICATION)),
      await previewRequest(() => startApplicationVersion(prod, appId(PRODUCTION_SUBSCRIPTION_ID), '1.0.0', APPLICATION_VERSION)),
    ];
    const text = azureCliOf(requests);
    assert.match(text, /^az sig gallery-application create /m);
    assert.match(text, /^az sig gallery-application version create /m);
    assert.ok(!text.includes('az resource create'), text);
    const script = path.join(configDir, 'as-code-app.sh');
    fs.writeFileSync(script, text);
    const ran = await run('/bin/bash', [script]);
    assert.equal(ran.code, 0, `the script failed:\n${ran.stderr}`);

    const dev = azure.target(DEVELOPMENT_SUBSCRIPTION_ID);
    await createApplication(dev, RG, 'as_code', 'agent', APPLICATION, { pollIntervalMs: 20 });
    await startApplicationVersion(dev, appId(DEVELOPMENT_SUBSCRIPTION_ID), '1.0.0', APPLICATION_VERSION);
    await new Promise((r) => setTimeout(r, 400));
    await compareApplications(appId(PRODUCTION_SUBSCRIPTION_ID), appId(DEVELOPMENT_SUBSCRIPTION_ID));
  });

  it('Export as Azure CLI of an application, run under another name, makes the same application and version again', async () => {
    const dev = azure.target(DEVELOPMENT_SUBSCRIPTION_ID);
    const exported = await exportRequestsOf(dev, appId(DEVELOPMENT_SUBSCRIPTION_ID));
    // The same resources in Production under another application name.
    const renamed: ArmRequest[] = exported.map((r) => ({ ...r, url: r.url.replace(DEVELOPMENT_SUBSCRIPTION_ID, PRODUCTION_SUBSCRIPTION_ID).replace('/applications/agent', '/applications/agent-export') }));
    const text = azureCliOf(renamed);
    assert.equal(text.match(/^az sig gallery-application/gm)?.length, 2, text);
    const script = path.join(configDir, 'export-app.sh');
    fs.writeFileSync(script, text);
    const ran = await run('/bin/bash', [script]);
    assert.equal(ran.code, 0, `the script failed:\n${ran.stderr}`);
    await compareApplications(appId(PRODUCTION_SUBSCRIPTION_ID, 'agent-export'), appId(DEVELOPMENT_SUBSCRIPTION_ID));
  });
});
