// Create VM from This Version… (issue 16, item 5) in the real extension host against the local
// Azure's demo seed: the questions a test VM needs, sizes from Resource SKUs that fit the image,
// an SSH key offered from the key directory, and the VM as Azure CLI, Bicep and ARM JSON in editors.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CreateVmReport } from '../../src/commands/createVmFromVersion';
import type { UsageReport } from '../../src/commands/showUsage';
import { ed25519PublicKey } from '../sshKeys';
import { arm } from './armHelpers';
import { CANCEL, RG_IMAGES, ScriptedPrompter, UBUNTU_ID, useDemoSession } from './createHelpers';
import { child, children, nodeAt } from './helpers';
import { assertNoProblems, clearRequestLog, requestLog } from './shareHelpers';

const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKq1exampleexampleexampleexampleexample vm@test';
const VERSION = `${UBUNTU_ID}/versions/1.0.0`;
const DEBIAN_PUBLIC = 'ContosoPublic-5c3f9a1e-7b2d-4e8f-9a6b-1d2c3e4f5a6b';

const createVm = (...args: unknown[]) => vscode.commands.executeCommand<CreateVmReport | undefined>('azureComputeGallery.createVmFromVersion', ...args);

describe('Create VM from This Version… (issue 16): a test VM as Azure CLI, Bicep and ARM JSON (extension host, local Azure)', () => {
  const ui = useDemoSession();
  let keys: string;
  const opened: vscode.Uri[] = [];
  before(() => {
    keys = fs.mkdtempSync(path.join(os.tmpdir(), 'acg-keys-'));
    fs.writeFileSync(path.join(keys, 'id_ed25519.pub'), `${KEY}\n`);
    fs.writeFileSync(path.join(keys, 'id_ed25519'), '-----BEGIN OPENSSH PRIVATE KEY-----\n');
    fs.writeFileSync(path.join(keys, 'broken.pub'), 'not a key\n');
  });
  after(async () => {
    fs.rmSync(keys, { recursive: true, force: true });
    // Untitled documents with text are dirty: reverted, so closing them asks nothing.
    for (const uri of opened) {
      await vscode.window.showTextDocument(uri);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('asks region, group, name, security type, a size that fits, the admin and a key from the key directory; opens three forms', async () => {
    const prompter = new ScriptedPrompter([
      { pick: 'eastus' },
      { pick: 'rg-images' },
      { accept: true },
      { pick: 'TrustedLaunch' },
      { pick: 'Standard_A2_v2' },
      { pick: 'Standard_D2s_v5' },
      { accept: true },
      { pick: /id_ed25519\.pub/ },
    ]);
    const report = await createVm({ version: VERSION, sshDirectory: keys, prompter });
    assertNoProblems(prompter);
    assert.deepEqual(
      prompter.titles.map((t) => t.replace(/^Create VM from This Version: /, '').replace(/ \(step.*$/, '')),
      ['Region', 'Resource group', 'VM name', 'Security type', 'Size', 'Admin user', 'Sign-in'],
    );
    assert.deepEqual(prompter.prompts[0]!.items!.map((i) => i.label), ['eastus', 'westus2'], 'the regions the version is replicated to');
    assert.equal(prompter.prompts[2]!.value, 'vm-ubuntu-22-04-lts', 'a name suggested from the definition');
    assert.deepEqual(prompter.prompts[3]!.items!.map((i) => i.label), ['TrustedLaunch', 'Standard'], 'TrustedLaunchSupported boots either');
    const sizes = prompter.prompts[4]!.items!;
    assert.equal(sizes.find((i) => i.label === 'Standard_A2_v2')?.refusal, 'Standard_A2_v2 runs Generation 1 VMs only; the image is Generation 2.');
    assert.equal(sizes.find((i) => i.label === 'Standard_D2ps_v5')?.refusal, 'Standard_D2ps_v5 is Arm64; the image is x64.');
    assert.equal(sizes.find((i) => i.label === 'Standard_D2s_v5')?.refusal, undefined);
    assert.equal(prompter.refusals.length, 1, 'the Generation 1 size was refused, the list kept open');
    assert.equal(prompter.prompts[5]!.value, 'azureuser');
    const signIn = prompter.prompts[6]!.items!.map((i) => i.label);
    assert.deepEqual(signIn, ['$(key) id_ed25519.pub', '$(edit) Paste a public key…', '$(lock) Password'], 'only valid public keys are offered');

    assert.ok(report);
    assert.match(report.cli, new RegExp(`--image ${VERSION.replace(/[.]/g, '\\.')} \\\\`));
    assert.match(report.cli, /--resource-group rg-images \\\n {2}--name vm-ubuntu-22-04-lts \\\n {2}--location eastus/);
    assert.match(report.cli, /--size Standard_D2s_v5/);
    assert.match(report.cli, /--security-type TrustedLaunch \\\n {2}--enable-secure-boot true \\\n {2}--enable-vtpm true/);
    assert.match(report.cli, new RegExp(`--ssh-key-values '${KEY}'\\n$`));
    assert.doesNotMatch(report.cli, /az group create/, 'an existing group');
    const arm = JSON.parse(report.arm) as { resources: Array<{ type: string; properties: { storageProfile?: { imageReference?: unknown }; securityProfile?: unknown } }> };
    const vm = arm.resources.find((r) => r.type === 'Microsoft.Compute/virtualMachines')!;
    assert.deepEqual(vm.properties.storageProfile?.imageReference, { id: VERSION });
    assert.deepEqual(vm.properties.securityProfile, { securityType: 'TrustedLaunch', uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } });
    assert.match(report.bicep, /resource vm 'Microsoft\.Compute\/virtualMachines@2024-07-01'/);

    const offer = await ui.waitFor('info', /^Wrote VM vm-ubuntu-22-04-lts as Azure CLI, Bicep and ARM JSON\.$/);
    assert.deepEqual(offer.actions, ['Deploy to rg-images…']);
    opened.push(...report.documents);
    assert.equal(report.documents.length, 3);
    const open = report.documents.map((uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()));
    assert.deepEqual(open.map((d) => d?.getText()), [report.cli, report.bicep, report.arm]);
    assert.equal(open[0]?.languageId, 'shellscript');
    assert.equal(open[2]?.languageId, 'json');
  });

  it('from a shared version of a Trusted launch definition: no security question, the shared id as the image', async () => {
    const shared = await nodeAt('Shared with me', 'CONTOSO_SHARED');
    const version = (await children(await child(shared, 'rhel-9')))[0]!;
    const prompter = new ScriptedPrompter([{ pick: 'Standard_B2s' }]);
    const report = await createVm(version, { resourceGroup: 'rg-test', newResourceGroup: true, vmName: 'vm-rhel', adminUsername: 'azureuser', sshPublicKey: KEY, open: false, prompter });
    assertNoProblems(prompter);
    assert.deepEqual(prompter.titles.map((t) => t.replace(/^Create VM from This Version: /, '').replace(/ \(step.*$/, '')), ['Size']);
    assert.match(report!.cli, /^az group create --name rg-test --location eastus$/m);
    assert.match(report!.cli, /--image \/SharedGalleries\/[^/]+\/Images\/rhel-9\/Versions\/9\.4\.0 \\/);
    assert.match(report!.cli, /--security-type TrustedLaunch/);
    assert.equal(report!.documents.length, 0);
  });

  it('from a community version, all given: nothing asked, a password left to the forms', async () => {
    await vscode.commands.executeCommand('azureComputeGallery.addCommunityGallery', DEBIAN_PUBLIC, 'eastus');
    try {
      const prompter = new ScriptedPrompter([]);
      const report = await createVm({
        version: `/CommunityGalleries/${DEBIAN_PUBLIC}/Images/debian-12/Versions/1.0.0`,
        resourceGroup: 'rg-images',
        vmName: 'vm-debian',
        securityType: 'Standard',
        size: 'Standard_B2s',
        adminUsername: 'azureuser',
        authentication: 'password',
        adminPassword: 'Correct-horse1',
        open: false,
        prompter,
      });
      assert.equal(prompter.prompts.length, 0);
      assert.match(report!.cli, new RegExp(`--image /CommunityGalleries/${DEBIAN_PUBLIC}/Images/debian-12/Versions/1\\.0\\.0`));
      assert.match(report!.cli, /--admin-password "\$ADMIN_PASSWORD"/);
      assert.doesNotMatch(report!.cli + report!.bicep + report!.arm, /Correct-horse1/, 'the password is never written');
      assert.match(report!.bicep, /@secure\(\)\nparam adminPassword string/);
    } finally {
      await vscode.commands.executeCommand('azureComputeGallery.removeCommunityGallery', await nodeAt('Community', DEBIAN_PUBLIC));
    }
  });

  it('deploys the ARM JSON with deploy: true: the deployment succeeds, its outcome is told, and the VM has the version’s image and security', async () => {
    await clearRequestLog();
    const key = ed25519PublicKey();
    const report = await createVm({ version: VERSION, location: 'eastus', resourceGroup: 'rg-images', vmName: 'vm-deploy', securityType: 'TrustedLaunch', size: 'Standard_D2s_v5', adminUsername: 'azureuser', sshPublicKey: key, open: false, deploy: true, prompter: new ScriptedPrompter([]) });
    const puts = (await requestLog()).filter((r) => r.method === 'PUT' && /\/resourcegroups\/rg-images\/providers\/Microsoft\.Resources\/deployments\/vm-deploy-\d{8}T\d{6}$/i.test(r.path.split('?')[0]!));
    assert.equal(puts.length, 1, 'one template deployment');
    assert.equal(report?.deployment?.provisioningState, 'Succeeded', JSON.stringify(report?.deployment?.error));
    const rg = `${RG_IMAGES}/providers`;
    assert.deepEqual([...(report?.deployment?.outputResources ?? [])].map((id) => id.split('/providers/')[1]).sort(), [
      'Microsoft.Compute/virtualMachines/vm-deploy',
      'Microsoft.Network/networkInterfaces/vm-deploy-nic',
      'Microsoft.Network/networkSecurityGroups/vm-deploy-nsg',
      'Microsoft.Network/publicIPAddresses/vm-deploy-ip',
      'Microsoft.Network/virtualNetworks/vm-deploy-vnet',
    ]);
    await ui.waitFor('info', /^Deployed VM vm-deploy to rg-images \(eastus\): 5 resources written \(deployment vm-deploy-\d{8}T\d{6}\)\.$/);
    const vm = (await arm('GET', `${rg}/Microsoft.Compute/virtualMachines/vm-deploy`, undefined, '2024-07-01')) as { properties: Record<string, Record<string, unknown>> };
    assert.equal(vm.properties.provisioningState, 'Succeeded');
    assert.deepEqual(vm.properties.storageProfile!.imageReference, { id: VERSION });
    assert.deepEqual(vm.properties.securityProfile, { securityType: 'TrustedLaunch', uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } });
    // Show Usage on the version now lists the VM, pinned to it, with the seeded users.
    const usage = await vscode.commands.executeCommand<UsageReport | undefined>('azureComputeGallery.showUsage', { version: VERSION, prompter: new ScriptedPrompter([CANCEL]) });
    assert.ok(usage?.users.some((u) => u.name === 'vm-deploy'), JSON.stringify(usage?.users.map((u) => u.name)));
  });

  it('a deployment Azure refuses (an SSH key whose data is not a 256-bit ED25519 key) reaches the user with Azure’s message', async () => {
    const report = await createVm({ version: VERSION, location: 'eastus', resourceGroup: 'rg-images', vmName: 'vm-badkey', securityType: 'TrustedLaunch', size: 'Standard_D2s_v5', adminUsername: 'azureuser', sshPublicKey: KEY, open: false, deploy: true, prompter: new ScriptedPrompter([]) });
    assert.equal(report, undefined);
    const error = await ui.waitFor('error', /^Could not deploy VM "vm-badkey" to rg-images \(eastus\)/);
    assert.match(error.message, /DeploymentFailed|At least one resource deployment operation failed/);
    assert.match(error.message, /The value of parameter linuxConfiguration\.ssh\.publicKeys\.keyData is invalid/);
  });

  it('refuses bad answers given up front with Azure’s rules, each named, before anything is written', async () => {
    const report = await createVm({
      version: VERSION,
      location: 'japaneast',
      vmName: 'vm-',
      adminUsername: 'root',
      sshPublicKey: 'ssh-dss AAAA',
      adminPassword: 'short',
      prompter: new ScriptedPrompter([]),
    });
    assert.equal(report, undefined);
    const error = await ui.waitFor('error', /^Create VM from This Version: /);
    assert.match(error.message, /Region: the version is in eastus, westus2 only/);
    assert.match(error.message, /VM name: End the name with a letter or digit/);
    assert.match(error.message, /Admin user: Azure refuses "root"/);
    assert.match(error.message, /SSH public key: Use an OpenSSH public key/);
    assert.match(error.message, /Password: Use 12 to 72 characters/);
    assert.match(error.message, /Nothing was written\./);
    assert.ok(error.actions.includes('Edit and Try Again'), error.actions.join());
  });
});
