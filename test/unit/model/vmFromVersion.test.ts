import assert from 'node:assert/strict';
import {
  sizeProblem,
  validateAdminPassword,
  validateAdminUsername,
  validateSshPublicKey,
  validateVmName,
  vmArmTemplate,
  vmAzureCli,
  vmBicep,
  vmSecurityChoices,
  type VmPlan,
  type VmSizeInfo,
} from '../../../src/model/vmFromVersion';

const VERSION_ID = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/g/images/ubuntu/versions/1.0.0';
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBvYj0sKX1 me@host';

const plan = (over: Partial<VmPlan> = {}): VmPlan => ({
  vmName: 'vm-test',
  resourceGroup: 'rg-test',
  newResourceGroup: false,
  location: 'eastus',
  size: 'Standard_D2s_v5',
  image: { id: VERSION_ID },
  imageLabel: 'g/ubuntu 1.0.0',
  facts: { osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2', architecture: 'x64', securityType: 'TrustedLaunch' },
  security: 'TrustedLaunch',
  adminUsername: 'azureuser',
  auth: { kind: 'ssh', publicKey: KEY },
  ...over,
});

const size = (over: Partial<VmSizeInfo>): VmSizeInfo => ({ name: 'Standard_X', vCPUs: 2, memoryGB: 8, generations: ['V1', 'V2'], architecture: 'x64', trustedLaunch: true, restricted: false, ...over });

describe('model: Create VM from This Version…', () => {
  it('offers the VM security types a definition can boot, the required or stronger one first', () => {
    assert.deepEqual(vmSecurityChoices('Standard'), ['Standard']);
    assert.deepEqual(vmSecurityChoices('TrustedLaunch'), ['TrustedLaunch']);
    assert.deepEqual(vmSecurityChoices('TrustedLaunchSupported'), ['TrustedLaunch', 'Standard']);
    assert.deepEqual(vmSecurityChoices('ConfidentialVM'), ['ConfidentialVM']);
    assert.deepEqual(vmSecurityChoices('ConfidentialVmSupported'), ['ConfidentialVM', 'Standard']);
    assert.deepEqual(vmSecurityChoices('TrustedLaunchAndConfidentialVmSupported'), ['TrustedLaunch', 'ConfidentialVM', 'Standard']);
  });

  it('fits a size to the generation, architecture and security type', () => {
    const gen2 = { hyperVGeneration: 'V2' as const, architecture: 'x64' as const };
    assert.equal(sizeProblem(size({}), gen2, 'TrustedLaunch'), undefined);
    assert.match(sizeProblem(size({ generations: ['V1'] }), gen2, 'Standard')!, /Generation 1 VMs only; the image is Generation 2/);
    assert.match(sizeProblem(size({ architecture: 'Arm64' }), gen2, 'Standard')!, /is Arm64; the image is x64/);
    assert.match(sizeProblem(size({ trustedLaunch: false }), gen2, 'TrustedLaunch')!, /does not support Trusted launch/);
    assert.equal(sizeProblem(size({ trustedLaunch: false }), gen2, 'Standard'), undefined);
    assert.match(sizeProblem(size({}), gen2, 'ConfidentialVM')!, /not a confidential VM size/);
    assert.equal(sizeProblem(size({ confidential: 'SNP' }), gen2, 'ConfidentialVM'), undefined);
    assert.match(sizeProblem(size({ restricted: true }), gen2, 'Standard')!, /not available to this subscription/);
  });

  it('checks the VM name as Azure does, shorter for Windows', () => {
    assert.equal(validateVmName('vm-test.1', 'Linux'), undefined);
    assert.match(validateVmName('a'.repeat(16), 'Windows')!, /at most 15/);
    assert.equal(validateVmName('a'.repeat(64), 'Linux'), undefined);
    assert.match(validateVmName('vm-', 'Linux')!, /End the name/);
    assert.match(validateVmName('_vm', 'Linux')!, /starting with a letter or digit/);
    assert.match(validateVmName('123', 'Linux')!, /digits only/);
  });

  it('checks the admin user name with the Azure CLI’s rules', () => {
    assert.equal(validateAdminUsername('azureuser', 'Linux'), undefined);
    assert.match(validateAdminUsername('AzureUser', 'Linux')!, /no upper case/);
    assert.match(validateAdminUsername('-me', 'Linux')!, /not starting with \$ or -/);
    assert.equal(validateAdminUsername('AzureUser', 'Windows'), undefined);
    assert.match(validateAdminUsername('me.', 'Windows')!, /do not end with a period/);
    assert.match(validateAdminUsername('Admin', 'Windows')!, /Azure refuses "Admin"/);
    assert.match(validateAdminUsername('root', 'Linux')!, /Azure refuses/);
    assert.match(validateAdminUsername('a'.repeat(21), 'Windows')!, /at most 20/);
  });

  it('checks the admin password: 12 to 72 (Linux) or 123 (Windows) characters of three kinds', () => {
    assert.equal(validateAdminPassword('Correct-horse1', 'Linux'), undefined);
    assert.match(validateAdminPassword('Short-1a', 'Linux')!, /12 to 72/);
    assert.match(validateAdminPassword('alllowercaseletters', 'Linux')!, /three of/);
    assert.equal(validateAdminPassword('lowercase_and_digits1', 'Windows'), undefined);
    // A hyphen is not one of the special characters the Azure CLI counts.
    assert.match(validateAdminPassword('lowercase-and-digits-1', 'Windows')!, /three of/);
    assert.match(validateAdminPassword(`Aa1-${'x'.repeat(70)}`, 'Linux')!, /12 to 72/);
    assert.equal(validateAdminPassword(`Aa1-${'x'.repeat(70)}`, 'Windows'), undefined);
  });

  it('takes OpenSSH RSA and Ed25519 public keys, and says so for a private key', () => {
    assert.equal(validateSshPublicKey(KEY), undefined);
    assert.equal(validateSshPublicKey('ssh-rsa AAAAB3NzaC1yc2E='), undefined);
    assert.match(validateSshPublicKey('-----BEGIN OPENSSH PRIVATE KEY-----')!, /private key/);
    assert.match(validateSshPublicKey('ecdsa-sha2-nistp256 AAAA')!, /RSA and Ed25519/);
  });

  it('writes az vm create with the version id and the Trusted launch settings', () => {
    assert.equal(
      vmAzureCli(plan({ newResourceGroup: true })),
      [
        '# A test VM from g/ubuntu 1.0.0',
        'az group create --name rg-test --location eastus',
        'az vm create \\',
        '  --resource-group rg-test \\',
        '  --name vm-test \\',
        '  --location eastus \\',
        `  --image ${VERSION_ID} \\`,
        '  --size Standard_D2s_v5 \\',
        '  --storage-sku StandardSSD_LRS \\',
        '  --security-type TrustedLaunch \\',
        '  --enable-secure-boot true \\',
        '  --enable-vtpm true \\',
        '  --admin-username azureuser \\',
        `  --ssh-key-values '${KEY}'`,
        '',
      ].join('\n'),
    );
  });

  it('writes a confidential VM, a password read from the environment, and a community image', () => {
    const text = vmAzureCli(
      plan({ security: 'ConfidentialVM', size: 'Standard_DC2as_v5', image: { communityGalleryImageId: '/CommunityGalleries/P-1/Images/d/Versions/1.0.0' }, auth: { kind: 'password' } }),
    );
    assert.match(text, /--image \/CommunityGalleries\/P-1\/Images\/d\/Versions\/1\.0\.0/);
    assert.match(text, /--security-type ConfidentialVM \\\n {2}--enable-secure-boot true \\\n {2}--enable-vtpm true \\\n {2}--os-disk-security-encryption-type VMGuestStateOnly/);
    assert.match(text, /--authentication-type password \\\n {2}--admin-password "\$ADMIN_PASSWORD"\n$/);
    assert.match(text, /# Set ADMIN_PASSWORD first/);
    const standard = vmAzureCli(plan({ security: 'Standard' }));
    assert.match(standard, /--security-type Standard/);
    assert.doesNotMatch(standard, /secure-boot|vtpm/);
  });

  it('a specialized image gets --specialized and no admin user in any form', () => {
    const p = plan({ facts: { ...plan().facts, osState: 'Specialized' }, adminUsername: undefined, auth: undefined });
    assert.match(vmAzureCli(p), /--specialized\n$/);
    const vm = (vmArmTemplate(p).resources as Array<{ type: string; properties: Record<string, unknown> }>).find((r) => r.type === 'Microsoft.Compute/virtualMachines')!;
    assert.equal(vm.properties.osProfile, undefined);
    assert.doesNotMatch(vmBicep(p), /osProfile|adminPassword/);
  });

  it('writes the ARM template: the VM with the image reference, security profile and the network az vm create makes', () => {
    const t = vmArmTemplate(plan({ auth: { kind: 'password' }, image: { sharedGalleryImageId: '/SharedGalleries/u/Images/d/Versions/1.0.0' } }));
    assert.deepEqual(Object.keys(t.parameters as object), ['adminPassword']);
    const resources = t.resources as Array<{ type: string; name: string; properties: Record<string, unknown> }>;
    assert.deepEqual(resources.map((r) => r.type), ['Microsoft.Network/networkSecurityGroups', 'Microsoft.Network/publicIPAddresses', 'Microsoft.Network/virtualNetworks', 'Microsoft.Network/networkInterfaces', 'Microsoft.Compute/virtualMachines']);
    const vm = resources[4]!.properties as { storageProfile: unknown; securityProfile: unknown; osProfile: Record<string, unknown>; hardwareProfile: unknown };
    assert.deepEqual(vm.storageProfile, { imageReference: { sharedGalleryImageId: '/SharedGalleries/u/Images/d/Versions/1.0.0' }, osDisk: { createOption: 'FromImage', managedDisk: { storageAccountType: 'StandardSSD_LRS' } } });
    assert.deepEqual(vm.securityProfile, { securityType: 'TrustedLaunch', uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } });
    assert.equal(vm.osProfile.adminPassword, "[parameters('adminPassword')]");
    assert.deepEqual(vm.hardwareProfile, { vmSize: 'Standard_D2s_v5' });
  });

  it('writes Bicep with the same VM properties, the password a secure parameter', () => {
    const text = vmBicep(plan({ auth: { kind: 'password' }, security: 'ConfidentialVM' }));
    assert.match(text, /@secure\(\)\nparam adminPassword string/);
    assert.match(text, /resource vm 'Microsoft\.Compute\/virtualMachines@2024-07-01' = \{/);
    assert.match(text, /imageReference: \{\n {8}id: '\/subscriptions\/.*\/versions\/1\.0\.0'/);
    assert.match(text, /securityType: 'ConfidentialVM'/);
    assert.match(text, /securityEncryptionType: 'VMGuestStateOnly'/);
    assert.match(text, /adminPassword: adminPassword/);
    assert.match(text, /networkInterfaces: \[\n {8}\{\n {10}id: nic\.id/);
    const ssh = vmBicep(plan());
    assert.match(ssh, /keyData: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBvYj0sKX1 me@host'/);
    assert.match(ssh, /path: '\/home\/azureuser\/\.ssh\/authorized_keys'/);
  });
});
