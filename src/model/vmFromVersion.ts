// "Create VM from This Version…": what a test VM from a gallery image version needs, the rules its
// answers must meet (checked before anything is sent), and the same VM in three forms — Azure CLI,
// Bicep and ARM JSON — with the security settings the image's definition requires. Pure.
//
// Sources:
// - Security type: a definition whose SecurityType is TrustedLaunch or ConfidentialVM can only boot
//   a VM of that type; the "…Supported" types boot either a Standard VM or one of that type
//   ("Trusted launch for Azure virtual machines" and "Azure confidential VM" on Learn,
//   https://learn.microsoft.com/azure/virtual-machines/trusted-launch-existing-vm-gen-1 and
//   https://learn.microsoft.com/azure/confidential-computing/confidential-vm-overview). A Trusted
//   launch VM turns on Secure Boot and vTPM; a confidential VM needs both and an OS disk security
//   encryption type (`securityProfile.uefiSettings`, `managedDisk.securityProfile.securityEncryptionType`:
//   https://learn.microsoft.com/azure/templates/microsoft.compute/virtualmachines). The Azure CLI
//   spells them `--security-type TrustedLaunch|ConfidentialVM|Standard --enable-secure-boot
//   --enable-vtpm --os-disk-security-encryption-type` (`az vm create`,
//   https://learn.microsoft.com/cli/azure/vm#az-vm-create).
// - Sizes: a size fits when it runs the definition's generation (HyperVGenerations), its CPU
//   architecture (CpuArchitectureType), and, for a Trusted launch VM, has no TrustedLaunchDisabled,
//   for a confidential VM a ConfidentialComputingType (Resource SKUs capabilities:
//   test/emulator/compute/skus.ts cites them).
// - A specialized image keeps its own accounts: a VM from it has no osProfile (`az vm create
//   --specialized`; "Create a VM from a specialized image version",
//   https://learn.microsoft.com/azure/virtual-machines/vm-specialized-image-version).
// - Admin user name and password: the Azure CLI's checks before it sends (Azure/azure-cli
//   src/azure-cli/azure/cli/command_modules/vm/_validators.py `_validate_admin_username`,
//   `_validate_admin_password`), which mirror what Azure refuses (osProfile.adminUsername /
//   adminPassword, https://learn.microsoft.com/rest/api/compute/virtual-machines/create-or-update).
// - VM name: 1–64 characters on Linux, 1–15 on Windows (its computer name), letters, digits,
//   hyphens and periods, not starting with an underscore nor ending with a period or hyphen
//   (Microsoft.Compute virtualMachines, https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftcompute).
import type { GalleryImageReference } from './armId';
import type { SecurityType } from './imageRules';

/** A VM size of a region, as the Azure layer reads it from Resource SKUs. */
export interface VmSizeInfo {
  name: string;
  vCPUs: number;
  memoryGB: number;
  /** "V1", "V2". */
  generations: string[];
  /** "x64" | "Arm64". */
  architecture: string;
  trustedLaunch: boolean;
  /** "SNP" | "TDX" on confidential VM sizes. */
  confidential?: string;
  /** Azure restricts it in this region for the subscription. */
  restricted: boolean;
}

/** What the image's definition says about the VMs it can boot. */
export interface ImageFacts {
  osType: 'Linux' | 'Windows';
  osState: 'Generalized' | 'Specialized';
  hyperVGeneration: 'V1' | 'V2';
  architecture: 'x64' | 'Arm64';
  securityType: SecurityType;
}

export type VmSecurityType = 'Standard' | 'TrustedLaunch' | 'ConfidentialVM';

/** The VM security types a definition can boot, the one to offer first first. */
export function vmSecurityChoices(definition: SecurityType): VmSecurityType[] {
  switch (definition) {
    case 'TrustedLaunch':
      return ['TrustedLaunch'];
    case 'ConfidentialVM':
      return ['ConfidentialVM'];
    case 'TrustedLaunchSupported':
      return ['TrustedLaunch', 'Standard'];
    case 'ConfidentialVmSupported':
      return ['ConfidentialVM', 'Standard'];
    case 'TrustedLaunchAndConfidentialVmSupported':
      return ['TrustedLaunch', 'ConfidentialVM', 'Standard'];
    default:
      return ['Standard'];
  }
}

/** Why a size cannot run this image as a VM of this security type; undefined when it can. */
export function sizeProblem(size: VmSizeInfo, image: Pick<ImageFacts, 'hyperVGeneration' | 'architecture'>, security: VmSecurityType): string | undefined {
  if (size.restricted) return `${size.name} is not available to this subscription in this region.`;
  if (!size.generations.includes(image.hyperVGeneration)) return `${size.name} runs Generation ${size.generations.map((g) => g.slice(1)).join(' and ')} VMs only; the image is Generation ${image.hyperVGeneration.slice(1)}.`;
  if (size.architecture.toLowerCase() !== image.architecture.toLowerCase()) return `${size.name} is ${size.architecture}; the image is ${image.architecture}.`;
  if (security === 'TrustedLaunch' && !size.trustedLaunch) return `${size.name} does not support Trusted launch.`;
  if (security === 'ConfidentialVM' && !size.confidential) return `${size.name} is not a confidential VM size.`;
  return undefined;
}

const VM_NAME = /^[A-Za-z0-9][A-Za-z0-9.-]*$/;

export function validateVmName(name: string, osType: ImageFacts['osType']): string | undefined {
  const max = osType === 'Windows' ? 15 : 64;
  if (name.length === 0) return 'Type a name for the VM.';
  if (name.length > max) return `Use at most ${max} characters for a ${osType} VM (this has ${name.length}).`;
  if (!VM_NAME.test(name)) return 'Use letters, digits, hyphens and periods, starting with a letter or digit.';
  if (/[.-]$/.test(name)) return 'End the name with a letter or digit, not a period or hyphen.';
  if (/^\d+$/.test(name)) return 'Use at least one letter: a VM name cannot be digits only.';
  return undefined;
}

/** Names Azure refuses for the admin user of any image (the Azure CLI's list). */
const DISALLOWED_USER_NAMES = new Set([
  'administrator', 'admin', 'user', 'user1', 'test', 'user2', 'test1', 'user3', 'admin1', '1', '123', 'a', 'actuser', 'adm', 'admin2', 'aspnet', 'backup', 'console',
  'david', 'guest', 'john', 'owner', 'root', 'server', 'sql', 'support', 'support_388945a0', 'sys', 'test2', 'test3', 'user4', 'user5',
]);

export function validateAdminUsername(name: string, osType: ImageFacts['osType']): string | undefined {
  if (name.length === 0) return 'Type the admin user name.';
  const max = osType === 'Windows' ? 20 : 64;
  if (name.length > max) return `Use at most ${max} characters for a ${osType} admin user (this has ${name.length}).`;
  if (osType === 'Linux') {
    if (/[\\/"[\]:|<>+=;,?*@#()!A-Z]/.test(name) || /^[$-]/.test(name)) return 'Use lower-case letters, digits, hyphens and underscores, not starting with $ or - (no upper case or \\/"[]:|<>+=;,?*@#()!).';
  } else if (/[\\/"[\]:|<>+=;,?*@]/.test(name) || name.endsWith('.')) {
    return 'Leave out \\/"[]:|<>+=;,?*@ and do not end with a period.';
  }
  if (DISALLOWED_USER_NAMES.has(name.toLowerCase())) return `Azure refuses "${name}" as an admin user name: choose another (e.g. azureuser).`;
  return undefined;
}

export function validateAdminPassword(password: string, osType: ImageFacts['osType']): string | undefined {
  const max = osType === 'Linux' ? 72 : 123;
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[ `~!@#$%^&*()=+_[\]{}|;:./'",<>?\\]/].filter((re) => re.test(password)).length;
  if (password.length < 12 || password.length > max) return `Use 12 to ${max} characters (this has ${password.length}).`;
  if (kinds < 3) return 'Use three of: a lower-case letter, an upper-case letter, a digit, a special character.';
  return undefined;
}

/** The key types Azure takes for a Linux VM: RSA and Ed25519 (https://learn.microsoft.com/azure/virtual-machines/linux/create-ssh-keys-detailed). */
const SSH_KEY = /^(ssh-rsa|ssh-ed25519) [A-Za-z0-9+/]+={0,3}( .*)?$/;

export function validateSshPublicKey(key: string): string | undefined {
  const k = key.trim();
  if (k.length === 0) return 'Paste an OpenSSH public key (ssh-ed25519 … or ssh-rsa …), or pick a file from ~/.ssh.';
  if (/PRIVATE KEY/.test(k)) return 'That is a private key: use the public one (the .pub file).';
  if (!SSH_KEY.test(k)) return 'Use an OpenSSH public key in one line: ssh-ed25519 AAAA… or ssh-rsa AAAA… (Azure takes RSA and Ed25519 keys).';
  return undefined;
}

export type VmAuth = { kind: 'ssh'; publicKey: string } | { kind: 'password' };

/** Everything the three forms are made from. A password is never in it: the forms ask for it. */
export interface VmPlan {
  vmName: string;
  resourceGroup: string;
  /** Created first (`az group create`; a subscription-scope deployment is not worth it for a test VM). */
  newResourceGroup: boolean;
  location: string;
  size: string;
  image: GalleryImageReference;
  /** What the VM is made from, for the comment at the top. */
  imageLabel: string;
  facts: ImageFacts;
  security: VmSecurityType;
  /** Undefined for a specialized image. */
  adminUsername?: string;
  auth?: VmAuth;
}

export function imageIdOf(image: GalleryImageReference): string {
  return 'id' in image ? image.id : 'sharedGalleryImageId' in image ? image.sharedGalleryImageId : image.communityGalleryImageId;
}

/** The OS disk type every form asks for: Standard SSD runs on every size (Premium does not). */
const OS_DISK_SKU = 'StandardSSD_LRS';
/** A confidential VM encrypts its guest state (VMGuestStateOnly: no key to manage for a test VM). */
const CVM_DISK_ENCRYPTION = 'VMGuestStateOnly';

/** Quoted for a POSIX shell. */
function sh(value: string): string {
  return /^[A-Za-z0-9_./:=@,+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

export function vmAzureCli(plan: VmPlan): string {
  const lines = [`# A test VM from ${plan.imageLabel}`];
  if (plan.auth?.kind === 'password') lines.push('# Set ADMIN_PASSWORD first (12+ characters, three of: lower case, upper case, digit, special).');
  if (plan.newResourceGroup) lines.push(`az group create --name ${sh(plan.resourceGroup)} --location ${sh(plan.location)}`);
  const args: Array<[string, string?]> = [
    ['--resource-group', plan.resourceGroup],
    ['--name', plan.vmName],
    ['--location', plan.location],
    ['--image', imageIdOf(plan.image)],
    ['--size', plan.size],
    ['--storage-sku', OS_DISK_SKU],
    ['--security-type', plan.security],
  ];
  if (plan.security !== 'Standard') args.push(['--enable-secure-boot', 'true'], ['--enable-vtpm', 'true']);
  if (plan.security === 'ConfidentialVM') args.push(['--os-disk-security-encryption-type', CVM_DISK_ENCRYPTION]);
  if (plan.facts.osState === 'Specialized') args.push(['--specialized']);
  else if (plan.adminUsername) {
    args.push(['--admin-username', plan.adminUsername]);
    if (plan.auth?.kind === 'ssh') args.push(['--ssh-key-values', plan.auth.publicKey.trim()]);
    else args.push(['--authentication-type', 'password'], ['--admin-password', '"$ADMIN_PASSWORD"']);
  }
  const parts = args.map(([flag, value]) => (value === undefined ? flag : `${flag} ${value === '"$ADMIN_PASSWORD"' ? value : sh(value)}`));
  lines.push(['az vm create', ...parts].join(' \\\n  '));
  return `${lines.join('\n')}\n`;
}

/** The ARM template: the VM and what `az vm create` makes beside it (network security group, public IP, virtual network, NIC). */
export function vmArmTemplate(plan: VmPlan): Record<string, unknown> {
  const n = plan.vmName;
  const linux = plan.facts.osType === 'Linux';
  const parameters: Record<string, unknown> = {};
  if (plan.auth?.kind === 'password' && plan.facts.osState !== 'Specialized') parameters.adminPassword = { type: 'securestring', metadata: { description: 'The admin password (12+ characters, three of: lower case, upper case, digit, special).' } };
  const rid = (type: string, name: string) => `[resourceId('${type}', '${name}')]`;
  const resources = [
    {
      type: 'Microsoft.Network/networkSecurityGroups',
      apiVersion: '2023-09-01',
      name: `${n}-nsg`,
      location: plan.location,
      properties: {
        securityRules: [
          {
            name: linux ? 'SSH' : 'RDP',
            properties: { priority: 1000, protocol: 'Tcp', access: 'Allow', direction: 'Inbound', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: linux ? '22' : '3389' },
          },
        ],
      },
    },
    { type: 'Microsoft.Network/publicIPAddresses', apiVersion: '2023-09-01', name: `${n}-ip`, location: plan.location, sku: { name: 'Standard' }, properties: { publicIPAllocationMethod: 'Static' } },
    {
      type: 'Microsoft.Network/virtualNetworks',
      apiVersion: '2023-09-01',
      name: `${n}-vnet`,
      location: plan.location,
      properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] }, subnets: [{ name: 'default', properties: { addressPrefix: '10.0.0.0/24' } }] },
    },
    {
      type: 'Microsoft.Network/networkInterfaces',
      apiVersion: '2023-09-01',
      name: `${n}-nic`,
      location: plan.location,
      dependsOn: [rid('Microsoft.Network/virtualNetworks', `${n}-vnet`), rid('Microsoft.Network/publicIPAddresses', `${n}-ip`), rid('Microsoft.Network/networkSecurityGroups', `${n}-nsg`)],
      properties: {
        networkSecurityGroup: { id: rid('Microsoft.Network/networkSecurityGroups', `${n}-nsg`) },
        ipConfigurations: [
          {
            name: 'ipconfig1',
            properties: {
              privateIPAllocationMethod: 'Dynamic',
              subnet: { id: `[resourceId('Microsoft.Network/virtualNetworks/subnets', '${n}-vnet', 'default')]` },
              publicIPAddress: { id: rid('Microsoft.Network/publicIPAddresses', `${n}-ip`) },
            },
          },
        ],
      },
    },
    {
      type: 'Microsoft.Compute/virtualMachines',
      apiVersion: '2024-07-01',
      name: n,
      location: plan.location,
      dependsOn: [rid('Microsoft.Network/networkInterfaces', `${n}-nic`)],
      properties: vmProperties(plan, rid('Microsoft.Network/networkInterfaces', `${n}-nic`), "[parameters('adminPassword')]"),
    },
  ];
  return {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    metadata: { description: `A test VM from ${plan.imageLabel}` },
    parameters,
    resources,
    outputs: { vmId: { type: 'string', value: rid('Microsoft.Compute/virtualMachines', n) } },
  };
}

/** The VM's `properties`, shared by the ARM template and (as an object literal) the Bicep file. */
export function vmProperties(plan: VmPlan, nicId: string, password: string): Record<string, unknown> {
  const managedDisk: Record<string, unknown> = { storageAccountType: OS_DISK_SKU };
  if (plan.security === 'ConfidentialVM') managedDisk.securityProfile = { securityEncryptionType: CVM_DISK_ENCRYPTION };
  const properties: Record<string, unknown> = {
    hardwareProfile: { vmSize: plan.size },
    storageProfile: { imageReference: { ...plan.image }, osDisk: { createOption: 'FromImage', managedDisk } },
    networkProfile: { networkInterfaces: [{ id: nicId }] },
  };
  if (plan.security !== 'Standard') properties.securityProfile = { securityType: plan.security, uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } };
  if (plan.facts.osState !== 'Specialized' && plan.adminUsername) {
    const os: Record<string, unknown> = { computerName: plan.vmName, adminUsername: plan.adminUsername };
    if (plan.auth?.kind === 'ssh') {
      os.linuxConfiguration = { disablePasswordAuthentication: true, ssh: { publicKeys: [{ path: `/home/${plan.adminUsername}/.ssh/authorized_keys`, keyData: plan.auth.publicKey.trim() }] } };
    } else os.adminPassword = password;
    properties.osProfile = os;
  }
  return properties;
}

export function vmArmJson(plan: VmPlan): string {
  return `${JSON.stringify(vmArmTemplate(plan), null, 2)}\n`;
}

/** A value as Bicep writes it; `expr` marks a Bicep expression written as is. */
function bicepValue(value: unknown, indent: string, expr: ReadonlySet<string>): string {
  if (typeof value === 'string') return expr.has(value) ? value : `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\$\{/g, '\\${')}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[\n${value.map((v) => `${inner}${bicepValue(v, inner, expr)}`).join('\n')}\n${indent}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return entries.length === 0 ? '{}' : `{\n${entries.map(([k, v]) => `${inner}${/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : `'${k}'`}: ${bicepValue(v, inner, expr)}`).join('\n')}\n${indent}}`;
}

export function vmBicep(plan: VmPlan): string {
  const n = plan.vmName;
  const linux = plan.facts.osType === 'Linux';
  const password = plan.auth?.kind === 'password' && plan.facts.osState !== 'Specialized';
  const expr = new Set(['nic.id', 'adminPassword', 'vnet.properties.subnets[0].id', 'publicIp.id', 'nsg.id', 'location']);
  const b = (v: unknown) => bicepValue(v, '  ', expr);
  const out = [`// A test VM from ${plan.imageLabel}`, `param location string = '${plan.location}'`];
  if (password) out.push('', "@description('The admin password (12+ characters, three of: lower case, upper case, digit, special).')", '@secure()', 'param adminPassword string');
  const rule = { priority: 1000, protocol: 'Tcp', access: 'Allow', direction: 'Inbound', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: linux ? '22' : '3389' };
  out.push(
    '',
    `resource nsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {`,
    `  name: '${n}-nsg'`,
    '  location: location',
    `  properties: ${b({ securityRules: [{ name: linux ? 'SSH' : 'RDP', properties: rule }] })}`,
    '}',
    '',
    `resource publicIp 'Microsoft.Network/publicIPAddresses@2023-09-01' = {`,
    `  name: '${n}-ip'`,
    '  location: location',
    "  sku: { name: 'Standard' }",
    "  properties: { publicIPAllocationMethod: 'Static' }",
    '}',
    '',
    `resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {`,
    `  name: '${n}-vnet'`,
    '  location: location',
    `  properties: ${b({ addressSpace: { addressPrefixes: ['10.0.0.0/16'] }, subnets: [{ name: 'default', properties: { addressPrefix: '10.0.0.0/24' } }] })}`,
    '}',
    '',
    `resource nic 'Microsoft.Network/networkInterfaces@2023-09-01' = {`,
    `  name: '${n}-nic'`,
    '  location: location',
    `  properties: ${b({ networkSecurityGroup: { id: 'nsg.id' }, ipConfigurations: [{ name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: 'vnet.properties.subnets[0].id' }, publicIPAddress: { id: 'publicIp.id' } } }] })}`,
    '}',
    '',
    `resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {`,
    `  name: '${n}'`,
    '  location: location',
    `  properties: ${b(vmProperties(plan, 'nic.id', 'adminPassword'))}`,
    '}',
    '',
    'output vmId string = vm.id',
  );
  return `${out.join('\n')}\n`;
}
