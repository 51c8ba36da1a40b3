import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { azureCliCredential } from '../../src/azure/credentials';
import { listSubscriptions } from '../../src/azure/subscriptions';
import type { CloudEndpoints } from '../../src/azure/types';
import type { RunningEmulator } from '../emulator/index';
import { findAz } from './azRunner';
import {
  DEVELOPMENT_SUBSCRIPTION_ID,
  FABRIKAM_SUBSCRIPTION_ID,
  DEMO_COMMUNITY_PUBLIC_NAME,
  FABRIKAM_COMMUNITY_PUBLIC_NAME,
  FABRIKAM_TENANT_ID,
  LOCAL_PRINCIPAL,
  PRODUCTION_SUBSCRIPTION_ID,
  RICH_IDS,
  startEmulator,
} from '../emulator/index';

/**
 * A real client nobody on the project wrote — Debian's Azure CLI (`apt-get install azure-cli`, 2.45) —
 * driven against the local Azure end to end: custom cloud, service-principal sign-in, and the
 * `az sig` commands a gallery owner runs, each asserted on what it prints (`-o json`), its exit
 * code and its errors. See test/cli/README.md and /work/shared/notes/azure-cli-client.md.
 *
 * Not covered, because az itself is broken for them in this Debian build (it fails before sending
 * anything, or lacks the SDK API version): `az role …`, `az vm …`, `az image …`. The managed image
 * the image version is built from is therefore seeded on the server side (demo seed).
 */

const CLOUD = 'LocalAzure';
const RG = 'rg-cli';
const GALLERY = 'cli_gallery';
const DEFINITION = 'cli-ubuntu';
const VERSION = '1.0.0';
/** Seeded by the demo seed: Linux, Generalized, Hyper-V V2, in eastus. */
const SOURCE_IMAGE = `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourceGroups/rg-image-builds/providers/Microsoft.Compute/images/img-ubuntu-2204-eastus`;
const GALLERY_ID = `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/${GALLERY}`;
/** az start-up alone is 1.5–2 s; an LRO adds one Retry-After (1 s). 30 s would mean az fell back to its default poll interval. */
const COMMAND_TIMEOUT_MS = 25_000;

interface AzResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

interface Gallery {
  id: string;
  name: string;
  location: string;
  resourceGroup: string;
  type: string;
  description: string | null;
  provisioningState: string;
  tags: Record<string, string> | null;
  identifier: { uniqueName: string };
  sharingProfile: { permissions: string; groups: { type: string; ids: string[] }[] | null } | null;
  sharingStatus: { aggregatedState: string } | null;
}

interface ImageDefinition {
  id: string;
  name: string;
  location: string;
  provisioningState: string;
  osType: string;
  osState: string;
  hyperVGeneration: string;
  identifier: { publisher: string; offer: string; sku: string };
  features: { name: string; value: string }[] | null;
}

interface ImageVersion {
  id: string;
  name: string;
  location: string;
  provisioningState: string;
  publishingProfile: { replicaCount: number; excludeFromLatest: boolean; targetRegions: { name: string; regionalReplicaCount: number }[] };
  storageProfile: { source: { id: string }; osDiskImage?: { source?: Record<string, string> }; dataDiskImages?: Array<{ lun: number }> };
  replicationStatus: { aggregatedState: string; summary: { region: string; state: string; progress: number }[] } | null;
}

interface StoredVersion {
  storageProfile: {
    source?: { id?: string };
    osDiskImage: { source?: Record<string, string> };
    dataDiskImages: Array<{ lun: number; source?: { id?: string } }>;
  };
  publishingProfile: {
    targetRegions: Array<{
      name: string;
      storageAccountType: string;
      encryption?: { osDiskImage?: { diskEncryptionSetId?: string }; dataDiskImages?: Array<{ lun: number; diskEncryptionSetId: string }> };
    }>;
  };
}

interface SharingUpdate {
  operationType: string;
  groups: { type: string; ids: string[] }[];
}

/** The environment az runs in: nothing AZURE_* from the caller, a private config dir, the emulator's CA. */
function azEnvironment(configDir: string, caPath: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^AZURE_/i.test(k)) env[k] = v;
  const noProxy = [process.env.NO_PROXY ?? process.env.no_proxy, '127.0.0.1', 'localhost'].filter(Boolean).join(',');
  return {
    ...env,
    AZURE_CONFIG_DIR: configDir,
    AZURE_CORE_COLLECT_TELEMETRY: 'false',
    // MSAL's sign-in requests as well as the ARM calls go through `requests`, which trusts this bundle.
    REQUESTS_CA_BUNDLE: caPath,
    NO_PROXY: noProxy,
    no_proxy: noProxy,
  };
}

function parse<T>(r: AzResult): T {
  assert.equal(r.code, 0, `az failed (exit ${r.code}):\n${r.stderr}`);
  try {
    return JSON.parse(r.stdout) as T;
  } catch {
    assert.fail(`az printed no JSON:\n${r.stdout}\n${r.stderr}`);
  }
}

/** The JSON az printed, after checking it exited 0 and wrote nothing to stderr. */
function quietJson<T>(r: AzResult): T {
  const value = parse<T>(r);
  assert.equal(r.stderr, '', 'az wrote to stderr');
  return value;
}

/** A refused request: az's exit code and Azure's error code, as az prints it. */
function assertAzError(r: AzResult, exitCode: number, code: string, message: string): void {
  assert.equal(r.code, exitCode, `expected exit ${exitCode}; stdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, new RegExp(`^ERROR: \\(${code}\\) `, 'm'));
  assert.match(r.stderr, new RegExp(`^Code: ${code}$`, 'm'));
  assert.ok(r.stderr.includes(`Message: ${message}`), `stderr lacks "${message}":\n${r.stderr}`);
}

describe('Azure CLI (Debian azure-cli 2.45) against the local Azure', function () {
  this.timeout(120_000);

  let emu: RunningEmulator;
  let configDir: string;
  let env: NodeJS.ProcessEnv;
  let azPath: string;

  /** Runs az with a timeout and prints one summary line (command, exit code, elapsed ms) before any assertion. */
  function az(...args: string[]): Promise<AzResult> {
    const started = Date.now();
    return new Promise((resolve) => {
      execFile(azPath, args, { env, timeout: COMMAND_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
        const ms = Date.now() - started;
        let code = 0;
        if (error) {
          if (error.killed) code = -1;
          else code = typeof error.code === 'number' ? error.code : -1;
        }
        const shown = args.map((a, i) => (args[i - 1] === '-p' ? '***' : /\s/.test(a) ? `'${a}'` : a)).join(' ');
        const killed = error?.killed ? ` (killed after ${COMMAND_TIMEOUT_MS} ms)` : '';
        console.log(`      $ az ${shown}  → exit ${code}${killed}, ${ms} ms`);
        // ACG_AZ_ECHO=1 also shows what az printed (how test/cli/README.md's excerpts were taken).
        if (process.env.ACG_AZ_ECHO) for (const line of `${stdout}${stderr}`.trimEnd().split('\n')) console.log(`        ${line}`);
        resolve({ code, stdout, stderr, ms });
      });
    });
  }

  before(async function () {
    const found = findAz();
    if (!found) {
      throw new Error('The Azure CLI (az) is not installed: run `sudo apt-get install -y azure-cli` (Debian azure-cli 2.45; CI installs it).');
    }
    azPath = found;
    emu = await startEmulator({
      seed: 'demo',
      config: {
        // az polls the Azure-AsyncOperation URL at once, then waits Retry-After (it sleeps 30 s without one).
        lro: { durationMs: 50, retryAfterSeconds: 1 },
        // The image version's operation ends only when every region has replicated.
        replication: { durationMs: 100 },
      },
      // Azurite behind the storage accounts on it (issue 15), as every suite's local Azure has.
      storage: true,
    });
    configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'acg-az-'));
    env = azEnvironment(configDir, emu.caPath);
    const version = parse<Record<string, string>>(await az('version', '-o', 'json'));
    assert.match(version['azure-cli'] ?? '', /^2\./, 'an Azure CLI 2.x');
    console.log(`      azure-cli ${version['azure-cli']}, emulator ${emu.url}`);
  });

  afterEach(function () {
    if (this.currentTest?.state !== 'failed' || !emu) return;
    console.log('      last requests the emulator saw:');
    for (const r of emu.requests.slice(-12)) console.log(`        ${r.status} ${r.method} ${r.path}`);
  });

  after(async () => {
    await emu?.stop();
    if (configDir) fs.rmSync(configDir, { recursive: true, force: true });
  });

  describe('setup: cloud and sign-in', () => {
    it('az cloud register / set: the emulator as a custom cloud with an ADFS-style authority', async () => {
      const register = await az(
        'cloud', 'register', '--name', CLOUD,
        '--endpoint-resource-manager', `${emu.url}/`,
        '--endpoint-active-directory', `${emu.url}/adfs`,
        '--endpoint-active-directory-resource-id', 'https://management.core.windows.net/',
        '--endpoint-active-directory-graph-resource-id', 'https://graph.windows.net/',
        '--endpoint-management', 'https://management.core.windows.net/',
        '--suffix-storage-endpoint', 'core.windows.net',
      );
      assert.equal(register.code, 0, register.stderr);
      const set = await az('cloud', 'set', '--name', CLOUD);
      assert.equal(set.code, 0, set.stderr);
      assert.match(set.stderr, /Switched active cloud to 'LocalAzure'/);
      const shown = await az('cloud', 'show', '-o', 'json');
      const cloud = quietJson<{ name: string; isActive: boolean; endpoints: { resourceManager: string; activeDirectory: string } }>(shown);
      assert.equal(cloud.name, CLOUD);
      assert.equal(cloud.isActive, true);
      assert.equal(cloud.endpoints.resourceManager, `${emu.url}/`);
      assert.equal(cloud.endpoints.activeDirectory, `${emu.url}/adfs`);
    });

    it('az login --service-principal: signs in through /adfs and lists the tenant’s subscriptions', async () => {
      const r = await az('login', '--service-principal', '-u', LOCAL_PRINCIPAL.clientId, '-p', LOCAL_PRINCIPAL.clientSecret, '--tenant', LOCAL_PRINCIPAL.tenantId, '-o', 'json');
      const subs = quietJson<{ id: string; name: string; cloudName: string; tenantId: string; state: string; isDefault: boolean; user: { name: string; type: string } }[]>(r);
      assert.deepEqual(subs.map((s) => s.name).sort(), ['Contoso Development', 'Contoso Production']);
      assert.ok(!subs.some((s) => s.id === FABRIKAM_SUBSCRIPTION_ID), 'another tenant’s subscription is not listed');
      for (const s of subs) {
        assert.equal(s.cloudName, CLOUD);
        assert.equal(s.tenantId, LOCAL_PRINCIPAL.tenantId);
        assert.equal(s.state, 'Enabled');
        assert.deepEqual(s.user, { name: LOCAL_PRINCIPAL.clientId, type: 'servicePrincipal' });
      }
      assert.equal(subs.find((s) => s.isDefault)?.id, PRODUCTION_SUBSCRIPTION_ID);
      const signIn = emu.requests.filter((q) => /^\/adfs\//.test(q.path)).map((q) => `${q.method} ${q.path} ${q.status}`);
      assert.ok(signIn.includes('POST /adfs/oauth2/token 200'), signIn.join('\n'));
    });

    it("the extension's Azure CLI sign-in: its AzureCliCredential takes this login's token and lists the subscriptions", async () => {
      // What azureComputeGallery.authentication = azureCli runs (src/auth/credentialSession.ts):
      // @azure/identity's AzureCliCredential runs `az account get-access-token` with the process's
      // environment, so this login's config dir and CA stand in for the user's own for the call.
      const saved = { AZURE_CONFIG_DIR: process.env.AZURE_CONFIG_DIR, REQUESTS_CA_BUNDLE: process.env.REQUESTS_CA_BUNDLE, PATH: process.env.PATH };
      Object.assign(process.env, { AZURE_CONFIG_DIR: configDir, REQUESTS_CA_BUNDLE: emu.caPath, PATH: `${path.dirname(azPath)}${path.delimiter}${process.env.PATH ?? ''}` });
      try {
        const url = `${emu.url}/`;
        const cloud: CloudEndpoints = { name: 'Custom', resourceManagerEndpointUrl: url, activeDirectoryEndpointUrl: `${url}adfs/`, microsoftGraphEndpointUrl: `${url}graph/`, portalUrl: '', resourceManagerScope: `${url}.default` };
        const before = emu.requests.length;
        const subs = await listSubscriptions(cloud, azureCliCredential(), 'azure-compute-gallery-vscode/cli-test');
        assert.deepEqual(subs.map((s) => s.name), ['Contoso Development', 'Contoso Production']);
        const asked = emu.requests.slice(before).map((q) => `${q.method} ${q.path.split('?')[0]} ${q.status}`);
        assert.ok(asked.includes('GET /subscriptions 200'), asked.join('\n'));
      } finally {
        for (const [k, v] of Object.entries(saved)) {
          if (v === undefined) delete process.env[k];
          else process.env[k] = v;
        }
      }
    });

    it('az group create: a resource group for the galleries', async () => {
      const rg = quietJson<{ name: string; location: string; properties: { provisioningState: string } }>(await az('group', 'create', '-n', RG, '-l', 'eastus', '-o', 'json'));
      assert.equal(rg.name, RG);
      assert.equal(rg.location, 'eastus');
      assert.equal(rg.properties.provisioningState, 'Succeeded');
    });
  });

  describe('az sig (galleries)', () => {
    it('az sig create: a private gallery', async () => {
      const g = quietJson<Gallery>(await az('sig', 'create', '-g', RG, '-r', GALLERY, '--description', 'Made by the az CLI suite', '-o', 'json'));
      assert.equal(g.id, GALLERY_ID);
      assert.equal(g.name, GALLERY);
      assert.equal(g.type, 'Microsoft.Compute/galleries');
      assert.equal(g.location, 'eastus', 'defaults to the resource group’s location');
      assert.equal(g.resourceGroup, RG);
      assert.equal(g.description, 'Made by the az CLI suite');
      assert.equal(g.provisioningState, 'Succeeded');
      assert.equal(g.identifier.uniqueName, `${PRODUCTION_SUBSCRIPTION_ID}-${GALLERY.toUpperCase()}`);
      assert.equal(g.sharingProfile, null);
    });

    it('az sig create refuses a gallery name with a dash: exit 1 and Azure’s InvalidParameter', async () => {
      const r = await az('sig', 'create', '-g', RG, '-r', 'cli-gallery', '-o', 'json');
      assertAzError(
        r,
        1,
        'InvalidParameter',
        'Gallery name is invalid. Allowed characters are English alphanumeric characters, with underscores, and periods allowed in the middle, up to 80 characters total. All other special characters, including dashes, are disallowed.',
      );
      assert.match(r.stderr, /^Target: galleryName$/m);
      const put = emu.requests.filter((q) => q.method === 'PUT' && q.path.endsWith('/galleries/cli-gallery'));
      assert.deepEqual(put.map((q) => q.status), [400], 'refused by the server, not by az');
    });

    it('az sig list: the subscription’s galleries, and one resource group’s', async () => {
      const all = quietJson<Gallery[]>(await az('sig', 'list', '-o', 'json'));
      assert.deepEqual(all.map((g) => g.name).sort(), ['cli_gallery', 'contoso_community', 'contoso_images', 'contoso_shared']);
      const inGroup = quietJson<Gallery[]>(await az('sig', 'list', '-g', RG, '-o', 'json'));
      assert.deepEqual(inGroup.map((g) => [g.name, g.provisioningState]), [[GALLERY, 'Succeeded']]);
      assert.equal(inGroup[0].id, GALLERY_ID);
    });

    it('az sig show', async () => {
      const g = quietJson<Gallery>(await az('sig', 'show', '-g', RG, '-r', GALLERY, '-o', 'json'));
      assert.equal(g.id, GALLERY_ID);
      assert.equal(g.description, 'Made by the az CLI suite');
      assert.equal(g.provisioningState, 'Succeeded');
    });

    it('az sig update: --permissions Groups and generic --set (GET then PUT)', async () => {
      const g = quietJson<Gallery>(
        await az('sig', 'update', '-g', RG, '-r', GALLERY, '--permissions', 'Groups', '--set', 'description=Shared by the az CLI suite', 'tags.team=images', '-o', 'json'),
      );
      assert.equal(g.id, GALLERY_ID);
      assert.equal(g.description, 'Shared by the az CLI suite');
      assert.deepEqual(g.tags, { team: 'images' });
      assert.equal(g.sharingProfile?.permissions, 'Groups');
      assert.equal(g.sharingProfile?.groups, null, 'groups only with --sharing-groups');
      assert.equal(g.sharingStatus?.aggregatedState, 'Succeeded');
      assert.equal(g.provisioningState, 'Succeeded');
    });
  });

  describe('az sig image-definition', () => {
    it('az sig image-definition create', async () => {
      const d = quietJson<ImageDefinition>(
        await az(
          'sig', 'image-definition', 'create', '-g', RG, '-r', GALLERY, '-i', DEFINITION,
          '--publisher', 'Contoso', '--offer', 'CliUbuntu', '--sku', '22_04-gen2',
          '--os-type', 'Linux', '--hyper-v-generation', 'V2', '--features', 'SecurityType=TrustedLaunchSupported',
          '-o', 'json',
        ),
      );
      assert.equal(d.id, `${GALLERY_ID}/images/${DEFINITION}`);
      assert.equal(d.name, DEFINITION);
      assert.equal(d.location, 'eastus');
      assert.equal(d.provisioningState, 'Succeeded');
      assert.equal(d.osType, 'Linux');
      assert.equal(d.osState, 'Generalized');
      assert.equal(d.hyperVGeneration, 'V2');
      assert.deepEqual(d.identifier, { publisher: 'Contoso', offer: 'CliUbuntu', sku: '22_04-gen2' });
      assert.deepEqual(d.features, [{ name: 'SecurityType', value: 'TrustedLaunchSupported' }]);
    });

    it('az sig image-definition list', async () => {
      const list = quietJson<ImageDefinition[]>(await az('sig', 'image-definition', 'list', '-g', RG, '-r', GALLERY, '-o', 'json'));
      assert.deepEqual(list.map((d) => [d.name, d.provisioningState]), [[DEFINITION, 'Succeeded']]);
    });

    it('az sig image-definition show', async () => {
      const d = quietJson<ImageDefinition>(await az('sig', 'image-definition', 'show', '-g', RG, '-r', GALLERY, '-i', DEFINITION, '-o', 'json'));
      assert.equal(d.id, `${GALLERY_ID}/images/${DEFINITION}`);
      assert.equal(d.hyperVGeneration, 'V2');
      assert.deepEqual(d.identifier, { publisher: 'Contoso', offer: 'CliUbuntu', sku: '22_04-gen2' });
    });
  });

  describe('az sig image-version', () => {
    it('az sig image-version create: from a managed image, replicated to two regions', async () => {
      const v = quietJson<ImageVersion>(
        await az(
          'sig', 'image-version', 'create', '-g', RG, '-r', GALLERY, '-i', DEFINITION, '-e', VERSION,
          '--managed-image', SOURCE_IMAGE, '--target-regions', 'eastus', 'westus2=2', '--replica-count', '1',
          '-o', 'json',
        ),
      );
      assert.equal(v.id, `${GALLERY_ID}/images/${DEFINITION}/versions/${VERSION}`);
      assert.equal(v.name, VERSION);
      assert.equal(v.location, 'eastus');
      assert.equal(v.provisioningState, 'Succeeded', 'the operation ends once replication completes');
      assert.equal(v.storageProfile.source.id, SOURCE_IMAGE);
      assert.equal(v.publishingProfile.replicaCount, 1);
      assert.equal(v.publishingProfile.excludeFromLatest, false);
      assert.deepEqual(
        v.publishingProfile.targetRegions.map((t) => [t.name, t.regionalReplicaCount]),
        [['East US', 1], ['West US 2', 2]],
      );
    });

    it('az sig image-version list', async () => {
      const list = quietJson<ImageVersion[]>(await az('sig', 'image-version', 'list', '-g', RG, '-r', GALLERY, '-i', DEFINITION, '-o', 'json'));
      assert.deepEqual(list.map((v) => [v.name, v.provisioningState]), [[VERSION, 'Succeeded']]);
    });

    it('az sig image-version show --expand ReplicationStatus', async () => {
      const v = quietJson<ImageVersion>(
        await az('sig', 'image-version', 'show', '-g', RG, '-r', GALLERY, '-i', DEFINITION, '-e', VERSION, '--expand', 'ReplicationStatus', '-o', 'json'),
      );
      assert.equal(v.id, `${GALLERY_ID}/images/${DEFINITION}/versions/${VERSION}`);
      assert.equal(v.replicationStatus?.aggregatedState, 'Completed');
      assert.deepEqual(
        v.replicationStatus?.summary.map((s) => [s.region, s.state, s.progress]),
        [['East US', 'Completed', 100], ['West US 2', 'Completed', 100]],
      );
    });
  });

  describe('az sig image-version: data disks, encryption per region, a VHD (issue 13)', () => {
    const SNAP_VERSION = '1.1.0';
    const VHD_VERSION = '1.2.0';
    const stored = (version: string): StoredVersion => {
      const r = emu.state.resources[`${GALLERY_ID}/images/${DEFINITION}/versions/${version}`.toLowerCase()];
      assert.ok(r, `${version} is stored`);
      return r.properties as unknown as StoredVersion;
    };

    it('--os-snapshot with --data-snapshots/--data-snapshot-luns and --target-region-encryption: stored per LUN and per region', async () => {
      const encryption = (os: string, d0: string, d1: string): string => `${os},0,${d0},1,${d1}`;
      const v = quietJson<ImageVersion>(
        await az(
          'sig', 'image-version', 'create', '-g', RG, '-r', GALLERY, '-i', DEFINITION, '-e', SNAP_VERSION,
          '--os-snapshot', RICH_IDS.osSnapshot,
          '--data-snapshots', RICH_IDS.dataSnapshotLun0, RICH_IDS.dataSnapshotLun1, '--data-snapshot-luns', '0', '1',
          '--target-regions', 'eastus', 'westus2',
          '--target-region-encryption', encryption(RICH_IDS.desEastus, RICH_IDS.desEastusData, RICH_IDS.desEastus), encryption(RICH_IDS.desWestus2, RICH_IDS.desWestus2, RICH_IDS.desWestus2),
          '-o', 'json',
        ),
      );
      assert.equal(v.provisioningState, 'Succeeded');
      const p = stored(SNAP_VERSION);
      assert.deepEqual(p.storageProfile.osDiskImage.source, { id: RICH_IDS.osSnapshot });
      assert.equal(p.storageProfile.source, undefined, 'no whole-image source');
      assert.deepEqual(p.storageProfile.dataDiskImages.map((d) => [d.lun, d.source?.id]), [[0, RICH_IDS.dataSnapshotLun0], [1, RICH_IDS.dataSnapshotLun1]]);
      assert.deepEqual(
        p.publishingProfile.targetRegions.map((t) => [t.name, t.storageAccountType, t.encryption?.osDiskImage?.diskEncryptionSetId, t.encryption?.dataDiskImages?.map((d) => [d.lun, d.diskEncryptionSetId])]),
        [
          ['East US', 'Standard_LRS', RICH_IDS.desEastus, [[0, RICH_IDS.desEastusData], [1, RICH_IDS.desEastus]]],
          ['West US 2', 'Standard_LRS', RICH_IDS.desWestus2, [[0, RICH_IDS.desWestus2], [1, RICH_IDS.desWestus2]]],
        ],
        'az 2.45 sends 2022-03-03 and no storage type: Standard_LRS (ZRS becomes the default only from 2025-03-03)',
      );
      // What az printed is what Azure stored (az shows it with its 2022-03-03 model).
      assert.deepEqual(v.storageProfile.dataDiskImages?.map((d) => d.lun), [0, 1]);
    });

    it('--target-region-encryption with a disk encryption set of another region: exit 1 with Azure’s refusal, nothing stored', async () => {
      const r = await az(
        'sig', 'image-version', 'create', '-g', RG, '-r', GALLERY, '-i', DEFINITION, '-e', '1.1.1',
        '--os-snapshot', RICH_IDS.osSnapshot, '--target-regions', 'eastus', '--target-region-encryption', `${RICH_IDS.desWestus2}`, '-o', 'json',
      );
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, /\(InvalidParameter\) The disk encryption set '.*des-westus2' is in region 'West US 2' and cannot encrypt the copy in target region 'East US'/);
      assert.equal(emu.state.resources[`${GALLERY_ID}/images/${DEFINITION}/versions/1.1.1`.toLowerCase()], undefined);
    });

    it('--os-vhd-uri with --os-vhd-storage-account: the VHD stored as az sent it', async () => {
      const v = quietJson<ImageVersion>(
        await az(
          'sig', 'image-version', 'create', '-g', RG, '-r', GALLERY, '-i', DEFINITION, '-e', VHD_VERSION,
          '--os-vhd-uri', RICH_IDS.osVhdUri, '--os-vhd-storage-account', RICH_IDS.storageAccount, '-o', 'json',
        ),
      );
      assert.equal(v.provisioningState, 'Succeeded');
      const put = emu.traffic.find((t) => t.liveRequest.method === 'PUT' && new URL(t.liveRequest.url).pathname.toLowerCase().endsWith(`/versions/${VHD_VERSION}`));
      const sent = (put?.liveRequest.body as { properties?: { storageProfile?: { osDiskImage?: { source?: unknown } } } } | undefined)?.properties?.storageProfile?.osDiskImage?.source;
      const source = stored(VHD_VERSION).storageProfile.osDiskImage.source;
      assert.deepEqual(source, sent, 'stored in the members az sent');
      assert.equal(Object.values(source ?? {}).find((x) => x.startsWith('https://')), RICH_IDS.osVhdUri);
      assert.ok(Object.values(source ?? {}).includes(RICH_IDS.storageAccount), 'with the storage account');
      // az prints it back with its model's members (storageAccountId null) and the resourceGroup it adds to ids.
      const printed = v.storageProfile.osDiskImage?.source ?? {};
      assert.deepEqual([printed.id, printed.uri], [source?.id, source?.uri], 'az shows it back as it sent it');
    });

    it('the two versions are deleted again (the definition must be empty for the deletes below)', async () => {
      for (const version of [SNAP_VERSION, VHD_VERSION]) {
        const del = await az('sig', 'image-version', 'delete', '-g', RG, '-r', GALLERY, '-i', DEFINITION, '-e', version, '-o', 'json');
        assert.equal(del.code, 0, del.stderr);
      }
    });
  });

  describe('az sig gallery-application (issue 15)', () => {
    const APP = 'cli-agent';
    it('az sig gallery-application create: a Linux application in the gallery', async () => {
      // az 2.45 (api-version 2022-01-03) prints the OS type as its Python model names it.
      const a = quietJson<{ id: string; name: string; supportedOsType: string; description: string }>(
        await az('sig', 'gallery-application', 'create', '-g', RG, '-r', GALLERY, '--name', APP, '--os-type', 'Linux', '--description', 'CLI agent', '-o', 'json'),
      );
      assert.equal(a.id, `${GALLERY_ID}/applications/${APP}`);
      assert.equal(a.supportedOsType, 'Linux');
      assert.equal(a.description, 'CLI agent');
    });

    it('az sig gallery-application version create: package link, commands, file name; replicated', async () => {
      const v = quietJson<{ id: string; provisioningState: string; publishingProfile: { source: { mediaLink: string }; manageActions: { install: string; remove: string; update?: string | null }; settings?: { packageFileName?: string } } }>(
        await az(
          'sig', 'gallery-application', 'version', 'create', '-g', RG, '-r', GALLERY, '--application-name', APP, '--version-name', '1.0.0',
          '--package-file-link', 'https://contosoartifacts.blob.core.windows.net/apps/cli-agent.tar.gz',
          '--install-command', 'tar -xzf cli-agent.tar.gz && ./install.sh', '--remove-command', './remove.sh', '--package-file-name', 'cli-agent.tar.gz',
          '-o', 'json',
        ),
      );
      assert.equal(v.id, `${GALLERY_ID}/applications/${APP}/versions/1.0.0`);
      assert.equal(v.provisioningState, 'Succeeded');
      assert.equal(v.publishingProfile.source.mediaLink, 'https://contosoartifacts.blob.core.windows.net/apps/cli-agent.tar.gz');
      const { install, remove, update } = v.publishingProfile.manageActions;
      assert.deepEqual({ install, remove }, { install: 'tar -xzf cli-agent.tar.gz && ./install.sh', remove: './remove.sh' });
      assert.equal(update ?? undefined, undefined, 'no update command was given');
      assert.equal(v.publishingProfile.settings?.packageFileName, 'cli-agent.tar.gz');
    });

    it('a remove command over 4096 characters: exit 1 with Azure’s InvalidParameter', async () => {
      const r = await az(
        'sig', 'gallery-application', 'version', 'create', '-g', RG, '-r', GALLERY, '--application-name', APP, '--version-name', '1.0.1',
        '--package-file-link', 'https://contosoartifacts.blob.core.windows.net/apps/cli-agent.tar.gz', '--install-command', 'i', '--remove-command', 'r'.repeat(4097), '-o', 'json',
      );
      assert.equal(r.code, 1);
      assert.match(r.stderr, /limited to 4096 characters/);
    });

    it('the version and the application are deleted again (the gallery must be empty for the deletes below)', async () => {
      const v = await az('sig', 'gallery-application', 'version', 'delete', '-g', RG, '-r', GALLERY, '--application-name', APP, '--version-name', '1.0.0', '--yes');
      assert.equal(v.code, 0, v.stderr);
      const a = await az('sig', 'gallery-application', 'delete', '-g', RG, '-r', GALLERY, '--name', APP, '--yes');
      assert.equal(a.code, 0, a.stderr);
    });
  });

  describe('az sig share / list-shared', () => {
    it('az sig share add: a subscription and a tenant', async () => {
      const u = quietJson<SharingUpdate>(
        await az('sig', 'share', 'add', '-g', RG, '-r', GALLERY, '--subscription-ids', DEVELOPMENT_SUBSCRIPTION_ID, '--tenant-ids', FABRIKAM_TENANT_ID, '-o', 'json'),
      );
      assert.equal(u.operationType, 'Add');
      assert.deepEqual(u.groups, [
        { type: 'Subscriptions', ids: [DEVELOPMENT_SUBSCRIPTION_ID] },
        { type: 'AADTenants', ids: [FABRIKAM_TENANT_ID] },
      ]);
      const g = quietJson<Gallery>(await az('sig', 'show', '-g', RG, '-r', GALLERY, '--sharing-groups', '-o', 'json'));
      assert.equal(g.sharingProfile?.permissions, 'Groups');
      assert.deepEqual(g.sharingProfile?.groups, [
        { type: 'Subscriptions', ids: [DEVELOPMENT_SUBSCRIPTION_ID] },
        { type: 'AADTenants', ids: [FABRIKAM_TENANT_ID] },
      ]);
    });

    it('az sig list-shared: what the development subscription now sees in eastus', async () => {
      const shared = quietJson<Record<string, unknown>[]>(await az('sig', 'list-shared', '-l', 'eastus', '--subscription', DEVELOPMENT_SUBSCRIPTION_ID, '-o', 'json'));
      const uniqueName = `${PRODUCTION_SUBSCRIPTION_ID}-${GALLERY.toUpperCase()}`;
      assert.deepEqual(shared.map((s) => s.name).sort(), [uniqueName, `${PRODUCTION_SUBSCRIPTION_ID}-CONTOSO_SHARED`]);
      // Exactly the 2022-03-03 shape: no `properties` (artifactTags arrived in 2022-08-03).
      assert.deepEqual(shared.find((s) => s.name === uniqueName), { location: 'eastus', name: uniqueName, uniqueId: `/SharedGalleries/${uniqueName}` });
    });

    it('az sig list-shared: a gallery another tenant shares with this subscription (westus2)', async () => {
      const shared = quietJson<Record<string, unknown>[]>(await az('sig', 'list-shared', '-l', 'westus2', '-o', 'json'));
      const name = `${FABRIKAM_SUBSCRIPTION_ID}-FABRIKAM_PARTNER_IMAGES`;
      assert.deepEqual(shared, [{ location: 'westus2', name, uniqueId: `/SharedGalleries/${name}` }]);
    });

    it('az sig share remove: the tenant', async () => {
      const u = quietJson<SharingUpdate>(await az('sig', 'share', 'remove', '-g', RG, '-r', GALLERY, '--tenant-ids', FABRIKAM_TENANT_ID, '-o', 'json'));
      assert.equal(u.operationType, 'Remove');
      assert.deepEqual(u.groups, [{ type: 'AADTenants', ids: [FABRIKAM_TENANT_ID] }]);
      const g = quietJson<Gallery>(await az('sig', 'show', '-g', RG, '-r', GALLERY, '--sharing-groups', '-o', 'json'));
      assert.deepEqual(g.sharingProfile?.groups, [{ type: 'Subscriptions', ids: [DEVELOPMENT_SUBSCRIPTION_ID] }]);
    });
  });

  // Issue 16 item 3: ARM has no list of community galleries; az asks Resource Graph's
  // communitygalleryresources table (no subscriptions in the body, $top 30), as the extension's
  // Browse Community Galleries… does.
  describe('az sig list-community (Resource Graph communitygalleryresources)', () => {
    it('lists every public gallery in each region it is in, with its publisher metadata and unique id', async () => {
      const all = parse<Array<{ name: string; location: string; uniqueId: string; communityMetadata: { publisherContact?: string } }>>(await az('sig', 'list-community', '-o', 'json'));
      const seen = all.map((g) => `${g.name}@${g.location}`);
      assert.ok(seen.includes(`${DEMO_COMMUNITY_PUBLIC_NAME}@eastus`) && seen.includes(`${FABRIKAM_COMMUNITY_PUBLIC_NAME}@westus`), seen.join());
      const fabrikam = all.find((g) => g.name === FABRIKAM_COMMUNITY_PUBLIC_NAME)!;
      assert.equal(fabrikam.uniqueId, `/CommunityGalleries/${FABRIKAM_COMMUNITY_PUBLIC_NAME}`);
      assert.equal(fabrikam.communityMetadata.publisherContact, 'images@fabrikam.example');
    });

    it('--location filters on the region (az sends it in lower case)', async () => {
      const west = parse<Array<{ name: string; location: string }>>(await az('sig', 'list-community', '-l', 'WestUS', '-o', 'json'));
      assert.deepEqual(west.map((g) => `${g.name}@${g.location}`), [`${FABRIKAM_COMMUNITY_PUBLIC_NAME}@westus`]);
    });
  });

  describe('deletes', () => {
    const notFound = (what: string): string =>
      `The Resource 'Microsoft.Compute/galleries/${what}' under resource group '${RG}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`;

    it('az sig image-version delete, then show exits 3 (ResourceNotFound)', async () => {
      const del = await az('sig', 'image-version', 'delete', '-g', RG, '-r', GALLERY, '-i', DEFINITION, '-e', VERSION, '-o', 'json');
      assert.equal(del.code, 0, del.stderr);
      assert.equal(del.stdout, '');
      const show = await az('sig', 'image-version', 'show', '-g', RG, '-r', GALLERY, '-i', DEFINITION, '-e', VERSION, '-o', 'json');
      assertAzError(show, 3, 'ResourceNotFound', notFound(`${GALLERY}/images/${DEFINITION}/versions/${VERSION}`));
    });

    it('az sig image-definition delete, then show exits 3 (ResourceNotFound)', async () => {
      const del = await az('sig', 'image-definition', 'delete', '-g', RG, '-r', GALLERY, '-i', DEFINITION, '-o', 'json');
      assert.equal(del.code, 0, del.stderr);
      assert.equal(del.stdout, '');
      const show = await az('sig', 'image-definition', 'show', '-g', RG, '-r', GALLERY, '-i', DEFINITION, '-o', 'json');
      assertAzError(show, 3, 'ResourceNotFound', notFound(`${GALLERY}/images/${DEFINITION}`));
    });

    it('az sig delete, then show exits 3 (ResourceNotFound)', async () => {
      const del = await az('sig', 'delete', '-g', RG, '-r', GALLERY, '-o', 'json');
      assert.equal(del.code, 0, del.stderr);
      assert.equal(del.stdout, '');
      const show = await az('sig', 'show', '-g', RG, '-r', GALLERY, '-o', 'json');
      assertAzError(show, 3, 'ResourceNotFound', notFound(GALLERY));
    });
  });

  describe('what the emulator saw', () => {
    it('no 5xx, and the api-versions az 2.45 is known to send', () => {
      const errors = emu.requests.filter((q) => q.status >= 500 || q.status === 0);
      assert.deepEqual(errors, [], 'the emulator answered no request with a 5xx or a dropped socket');
      const versionsOf = (re: RegExp): string[] => [
        ...new Set(
          emu.traffic
            .map((t) => new URL(t.liveRequest.url))
            .filter((u) => re.test(u.pathname))
            .map((u) => u.searchParams.get('api-version') ?? ''),
        ),
      ];
      assert.deepEqual(versionsOf(/\/galleries\/[^/]+$/), ['2021-10-01']);
      assert.deepEqual(versionsOf(/\/images\/[^/]+$/), ['2021-10-01']);
      assert.deepEqual(versionsOf(/\/images\/[^/]+\/versions\/[^/]+$/), ['2022-03-03']);
      // az 2.45 sends an application's create with 2021-07-01 and a version's with 2022-01-03.
      assert.deepEqual(versionsOf(/\/applications\/[^/]+(\/versions\/[^/]+)?$/).sort(), ['2021-07-01', '2022-01-03']);
      assert.deepEqual(versionsOf(/\/share$/), ['2022-03-03']);
      assert.deepEqual(versionsOf(/\/sharedGalleries$/), ['2022-03-03']);
    });
  });
});
