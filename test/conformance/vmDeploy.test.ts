import { strict as assert } from 'node:assert';
import * as crypto from 'node:crypto';
import type { RunningEmulator } from '../emulator/index';
import { DEVELOPMENT_SUBSCRIPTION_ID, PRODUCTION_SUBSCRIPTION_ID } from '../emulator/index';
import { DEMO_COMMUNITY_PUBLIC_NAME } from '../emulator/seeds/wellKnown';
import { sshKeyProblem } from '../emulator/compute/virtualMachines';
import { vmArmTemplate, type VmPlan } from '../../src/model/vmFromVersion';
import { ed25519PublicKey } from '../sshKeys';
import { errorOf, raw, sleep, startFast, tokenFor } from './helpers';

const RG = `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourceGroups/rg-images`;
const GALLERIES = `${RG}/providers/Microsoft.Compute/galleries`;
const DEPLOY_API = '?api-version=2025-04-01';

function plan(over: Partial<VmPlan> & Pick<VmPlan, 'vmName'>): VmPlan {
  return {
    resourceGroup: 'rg-images',
    newResourceGroup: false,
    location: 'eastus',
    size: 'Standard_D2s_v5',
    image: { id: `${GALLERIES}/contoso_images/images/ubuntu-22.04-lts/versions/1.0.0` },
    imageLabel: 'ubuntu 1.0.0',
    facts: { osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2', architecture: 'x64', securityType: 'TrustedLaunchSupported' },
    security: 'TrustedLaunch',
    adminUsername: 'azureuser',
    auth: { kind: 'ssh', publicKey: ed25519PublicKey() },
    ...over,
  };
}

/** Create VM from This Version…'s ARM JSON deployed to the local Azure's network and VM routes. */
describe('a test VM from a gallery image: network and VM writes through a template deployment', function () {
  let emu: RunningEmulator;
  let token: string;
  before(async () => {
    emu = await startFast({ seed: 'demo' });
    token = await tokenFor(emu);
  });
  after(async () => emu?.stop());

  async function deploy(name: string, template: unknown, parameters: Record<string, unknown> = {}, rg = RG): Promise<{ provisioningState: string; error?: { details: Array<{ code: string; message: string }> } }> {
    const put = await raw(emu, 'PUT', `${rg}/providers/Microsoft.Resources/deployments/${name}${DEPLOY_API}`, {
      token,
      body: { properties: { mode: 'Incremental', template, parameters: Object.fromEntries(Object.entries(parameters).map(([k, v]) => [k, { value: v }])) } },
    });
    assert.equal(put.status, 201, put.text);
    for (let i = 0; i < 200; i++) {
      const got = await raw(emu, 'GET', `${rg}/providers/Microsoft.Resources/deployments/${name}${DEPLOY_API}`, { token });
      const p = (got.body as { properties: { provisioningState: string; error?: { details: Array<{ code: string; message: string }> } } }).properties;
      if (p.provisioningState === 'Succeeded' || p.provisioningState === 'Failed') return p;
      await sleep(25);
    }
    throw new Error('the deployment did not finish');
  }

  it('deploys NSG, public IP, virtual network, NIC and a Trusted launch VM whose image reference and security profile are as sent', async () => {
    const p = plan({ vmName: 'vm-tl' });
    const outcome = await deploy('vm-tl-1', vmArmTemplate(p));
    assert.equal(outcome.provisioningState, 'Succeeded', JSON.stringify(outcome.error));
    const vm = await raw(emu, 'GET', `${RG}/providers/Microsoft.Compute/virtualMachines/vm-tl?api-version=2024-07-01`, { token });
    assert.equal(vm.status, 200);
    const props = (vm.body as { properties: Record<string, Record<string, unknown>> }).properties;
    assert.deepEqual(props.storageProfile!.imageReference, p.image);
    assert.deepEqual(props.securityProfile, { securityType: 'TrustedLaunch', uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } });
    assert.equal(props.provisioningState, 'Succeeded');
    assert.equal((props.osProfile as Record<string, unknown>).adminPassword, undefined);
    const subnet = await raw(emu, 'GET', `${RG}/providers/Microsoft.Network/virtualNetworks/vm-tl-vnet/subnets/default?api-version=2023-09-01`, { token });
    assert.equal(subnet.status, 200);
    // What the VM uses cannot be deleted under it.
    const nicDelete = await raw(emu, 'DELETE', `${RG}/providers/Microsoft.Network/networkInterfaces/vm-tl-nic?api-version=2023-09-01`, { token });
    assert.equal(errorOf(nicDelete).code, 'NicInUse');
  });

  it('deploys from a direct-shared image (by its shared id, in a subscription it is shared with) and from a community image', async () => {
    const devRg = `/subscriptions/${DEVELOPMENT_SUBSCRIPTION_ID}/resourceGroups/rg-dev`;
    const shared = { sharedGalleryImageId: `/SharedGalleries/${PRODUCTION_SUBSCRIPTION_ID}-CONTOSO_SHARED/Images/rhel-9/Versions/9.4.0` };
    const facts = { osType: 'Linux' as const, osState: 'Generalized' as const, hyperVGeneration: 'V2' as const, architecture: 'x64' as const, securityType: 'TrustedLaunch' as const };
    const ok = await deploy('vm-shared-1', vmArmTemplate(plan({ vmName: 'vm-shared', resourceGroup: 'rg-dev', location: 'westeurope', image: shared, facts })), {}, devRg);
    assert.equal(ok.provisioningState, 'Succeeded', JSON.stringify(ok.error));
    const vm = await raw(emu, 'GET', `${devRg}/providers/Microsoft.Compute/virtualMachines/vm-shared?api-version=2024-07-01`, { token });
    assert.deepEqual((vm.body as { properties: { storageProfile: { imageReference: unknown } } }).properties.storageProfile.imageReference, shared);
    // The same shared name in a version not replicated to the region is refused as Azure refuses it.
    const elsewhere = await deploy('vm-shared-2', vmArmTemplate(plan({ vmName: 'vm-shared2', resourceGroup: 'rg-dev', location: 'westus2', image: shared, facts })), {}, devRg);
    assert.equal(elsewhere.error!.details[0]!.code, 'GalleryImageNotFound');
    const community = { communityGalleryImageId: `/CommunityGalleries/${DEMO_COMMUNITY_PUBLIC_NAME}/Images/debian-12/Versions/1.0.0` };
    const fromCommunity = await deploy('vm-community-1', vmArmTemplate(plan({ vmName: 'vm-community', image: community, security: 'Standard', size: 'Standard_B2s' })));
    assert.equal(fromCommunity.provisioningState, 'Succeeded', JSON.stringify(fromCommunity.error));
  });

  it('refuses a Trusted launch image deployed as a Standard VM with Azure’s message', async () => {
    const p = plan({ vmName: 'vm-rhel', image: { id: `${GALLERIES}/contoso_shared/images/rhel-9/versions/9.4.0` }, security: 'Standard' });
    const outcome = await deploy('vm-rhel-1', vmArmTemplate(p));
    assert.equal(outcome.provisioningState, 'Failed');
    const detail = outcome.error!.details[0]!;
    assert.equal(detail.code, 'BadRequest');
    assert.equal(detail.message, "The provided gallery image only supports creation of VMs and VM Scale Sets with 'TrustedLaunch' security type.");
  });

  it('refuses a size that cannot boot the image’s generation, a version not in the region, and a weak password', async () => {
    const size = await deploy('vm-a2-1', vmArmTemplate(plan({ vmName: 'vm-a2', size: 'Standard_A2_v2', security: 'Standard', facts: { osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2', architecture: 'x64', securityType: 'TrustedLaunchSupported' } })));
    assert.match(size.error!.details[0]!.message, /cannot boot Hypervisor Generation '2'/);
    const region = await deploy('vm-jp-1', vmArmTemplate(plan({ vmName: 'vm-jp', location: 'westeurope' })));
    assert.equal(region.error!.details[0]!.code, 'GalleryImageNotFound');
    assert.match(region.error!.details[0]!.message, /is not available in westeurope region\. Please contact image owner to replicate to this region/);
    const weak = await deploy('vm-pw-1', vmArmTemplate(plan({ vmName: 'vm-pw', auth: { kind: 'password' } })), { adminPassword: 'password' });
    assert.equal(weak.error!.details[0]!.code, 'InvalidParameter');
    assert.match(weak.error!.details[0]!.message, /^The supplied password must be between 6-72 characters long/);
  });

  it('checks SSH keys as Azure takes them: RSA of 2048+ bits and ED25519 of 256 bits, in their own type', () => {
    assert.equal(sshKeyProblem(ed25519PublicKey()), undefined);
    const rsa = (bits: number) => {
      const jwk = crypto.generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({ format: 'jwk' });
      const part = (b: Buffer) => {
        const l = Buffer.alloc(4);
        l.writeUInt32BE(b.length, 0);
        return Buffer.concat([l, b]);
      };
      const mpint = (b64: string) => {
        const b = Buffer.from(b64, 'base64url');
        return b[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b;
      };
      return `ssh-rsa ${Buffer.concat([part(Buffer.from('ssh-rsa')), part(mpint(jwk.e!)), part(mpint(jwk.n!))]).toString('base64')}`;
    };
    assert.equal(sshKeyProblem(rsa(2048)), undefined);
    assert.match(sshKeyProblem(rsa(1024)) ?? '', /1024 bits/);
    assert.match(sshKeyProblem('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKq1exampleexampleexampleexampleexample vm@test') ?? '', /256 bits|truncated/);
  });
});
