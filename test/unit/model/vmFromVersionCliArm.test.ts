import assert from 'node:assert/strict';
import { vmAzureCli, vmProperties, type VmPlan } from '../../../src/model/vmFromVersion';

/**
 * The Azure CLI form asks az for the VM the ARM form describes. Debian's az 2.45 cannot build a VM
 * here (test/cli/vmCreate.test.ts says why), so this reads the generated `az vm create` as az's
 * template builder would and compares the VM members with `vmProperties`. The mapping follows
 * Azure/azure-cli src/azure-cli/azure/cli/command_modules/vm/_template_builder.py
 * (`build_vm_resource`, as installed with azure-cli 2.45 and in later releases):
 * - `--image`: a gallery image id → imageReference.id, `/SharedGalleries/…` →
 *   sharedGalleryImageId, `/CommunityGalleries/…` → communityGalleryImageId (storage profiles
 *   ManagedCustomImage, SharedGalleryImage, CommunityGalleryImage); osDisk createOption fromImage;
 *   `--storage-sku` → osDisk.managedDisk.storageAccountType;
 *   `--os-disk-security-encryption-type` → osDisk.managedDisk.securityProfile.securityEncryptionType.
 * - `--security-type` → securityProfile.securityType, except `Standard`, which later releases
 *   accept and leave out ("used for backward compatibility", COMPATIBLE_SECURITY_TYPE_VALUE);
 *   `--enable-secure-boot` / `--enable-vtpm` → securityProfile.uefiSettings.
 * - osProfile: computerName from the VM name less special characters, adminUsername,
 *   adminPassword "[parameters('adminPassword')]"; SSH keys at /home/<user>/.ssh/authorized_keys
 *   (vm/_validators.py) with disablePasswordAuthentication; none for `--specialized`.
 */

/** The words of the `az vm create` command, as bash splits them (single quotes, "…", `\` newlines). */
function azVmCreateWords(script: string): string[] {
  const command = script.replace(/\\\n\s*/g, ' ').split('\n').find((l) => l.startsWith('az vm create '));
  assert.ok(command, script);
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (c === ' ') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if (c === "'") {
      const end = command.indexOf("'", i + 1);
      word += command.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (c === '"') {
      const end = command.indexOf('"', i + 1);
      word += command.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (c === '\\') {
      word += command[++i];
      inWord = true;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words.slice(3);
}

/** The VM members az's template builder writes for these flags (only those the ARM form sets). */
function vmAzWouldBuild(words: string[], vmName: string): Record<string, unknown> {
  const flags = new Map<string, string>();
  for (let i = 0; i < words.length; i++) {
    const next = words[i + 1];
    if (next === undefined || next.startsWith('--')) flags.set(words[i], 'true');
    else flags.set(words[i], words[++i]);
  }
  const image = flags.get('--image')!;
  const imageReference = /^\/SharedGalleries\//i.test(image) ? { sharedGalleryImageId: image } : /^\/CommunityGalleries\//i.test(image) ? { communityGalleryImageId: image } : { id: image };
  const managedDisk: Record<string, unknown> = { storageAccountType: flags.get('--storage-sku') };
  if (flags.has('--os-disk-security-encryption-type')) managedDisk.securityProfile = { securityEncryptionType: flags.get('--os-disk-security-encryption-type') };
  const vm: Record<string, unknown> = {
    hardwareProfile: { vmSize: flags.get('--size') },
    storageProfile: { imageReference, osDisk: { createOption: 'FromImage', managedDisk } },
  };
  const security: Record<string, unknown> = {};
  const type = flags.get('--security-type');
  if (type !== undefined && type !== 'Standard') security.securityType = type;
  if (flags.has('--enable-secure-boot') || flags.has('--enable-vtpm')) {
    security.uefiSettings = { secureBootEnabled: flags.get('--enable-secure-boot') === 'true', vTpmEnabled: flags.get('--enable-vtpm') === 'true' };
  }
  if (Object.keys(security).length > 0) vm.securityProfile = security;
  if (flags.get('--specialized') !== 'true') {
    const user = flags.get('--admin-username')!;
    const os: Record<string, unknown> = { computerName: vmName.replace(/[`~!@#$%^&*()=+_[\]{}\\|;:'",<>/?]/g, ''), adminUsername: user };
    if (flags.get('--authentication-type') === 'password') os.adminPassword = "[parameters('adminPassword')]";
    else os.linuxConfiguration = { disablePasswordAuthentication: true, ssh: { publicKeys: [{ path: `/home/${user}/.ssh/authorized_keys`, keyData: flags.get('--ssh-key-values') }] } };
    vm.osProfile = os;
  }
  return vm;
}

const GALLERY = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/g/images';
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBvYj0sKX1 me@host';
const base: VmPlan = {
  vmName: 'vm-test', resourceGroup: 'rg-test', newResourceGroup: true, location: 'eastus', size: 'Standard_D2s_v5',
  image: { id: `${GALLERY}/ubuntu/versions/1.0.0` }, imageLabel: "g/ubuntu 1.0.0 (it's ours)",
  facts: { osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2', architecture: 'x64', securityType: 'TrustedLaunchAndConfidentialVmSupported' },
  security: 'TrustedLaunch', adminUsername: 'azureuser', auth: { kind: 'ssh', publicKey: KEY },
};

const cases: Array<[string, VmPlan]> = [
  ['a Trusted launch VM from an own gallery version with an SSH key', base],
  ['a Standard Windows VM with a password', { ...base, vmName: 'win-test', security: 'Standard', facts: { ...base.facts, osType: 'Windows' }, adminUsername: 'contosoadmin', auth: { kind: 'password' } }],
  ['a confidential VM from a shared image', { ...base, security: 'ConfidentialVM', size: 'Standard_DC2as_v5', image: { sharedGalleryImageId: '/SharedGalleries/00000000-0000-0000-0000-000000000001-G/Images/ubuntu/Versions/1.0.0' } }],
  ['a Trusted launch VM from a community image (latest)', { ...base, image: { communityGalleryImageId: '/CommunityGalleries/contoso-1a2b/Images/ubuntu' } }],
  ['a specialized image', { ...base, facts: { ...base.facts, osState: 'Specialized' }, adminUsername: undefined, auth: undefined }],
];

describe('model: the az vm create of Create VM from This Version… asks for the VM its ARM form describes', () => {
  for (const [title, plan] of cases) {
    it(title, () => {
      const arm = vmProperties(plan, 'nic', "[parameters('adminPassword')]");
      delete arm.networkProfile;
      assert.deepEqual(vmAzWouldBuild(azVmCreateWords(vmAzureCli(plan)), plan.vmName), arm);
    });
  }

  it('reads the words as bash does: quotes around a key with a space, the password variable', () => {
    const words = azVmCreateWords(vmAzureCli(cases[1][1]));
    assert.deepEqual(words.slice(words.indexOf('--admin-password'), words.indexOf('--admin-password') + 2), ['--admin-password', '$ADMIN_PASSWORD']);
    assert.equal(azVmCreateWords(vmAzureCli(base))[azVmCreateWords(vmAzureCli(base)).indexOf('--ssh-key-values') + 1], KEY);
  });
});
