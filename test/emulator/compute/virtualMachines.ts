// Virtual Machines - Create Or Update and Delete (PUT/DELETE .../Microsoft.Compute/virtualMachines/{vm};
// GET is sources.ts's), as a test VM from a gallery image needs them: "Create VM from This
// Version…"'s template (api-version 2024-07-01) and `az vm create`. Contract:
// https://learn.microsoft.com/rest/api/compute/virtual-machines/create-or-update. The VM is stored
// in the shape the seeded VMs have (sources.ts `virtualMachine`, with its OS managed disk), so it is
// a capture source and a Resource Graph row ("who uses this version") like any other.
//
// What is checked, each rule cited where it is applied (SOURCES.md "A test VM from a gallery image"):
// the size exists in the region and fits the image (Resource SKUs, skus.ts), the image reference
// names a version the caller can read in the VM's region (own, direct-shared or community), the
// security profile matches the definition's security type, the OS profile (admin user, password,
// SSH keys; none for a specialized image), and the NICs exist in the VM's region.
import { ArmError, invalidParameter } from '../arm/errors';
import { COMPUTE_API_VERSIONS } from '../arm/apiVersions';
import type { Emulator } from '../emulator';
import type { Ctx } from '../http';
import type { JsonObject } from '../json';
import { asArray, asObject, asString, isObject } from '../json';
import type { StoredResource } from '../state';
import { getResource } from '../state';
import { referenced, NETWORK_TYPES } from '../network';
import { deleteTracked, idOf, writeTracked } from '../tracked';
import { resolveGalleryImage, type ResolvedImage } from './vmImage';
import { VM_SIZES } from './skus';
import { renderSource, SOURCE_TYPES, virtualMachine } from './sources';

const TEMPLATE = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/virtualMachines/{name}';
const STATUS_API_VERSION = '2024-07-01';

type VmSecurity = 'Standard' | 'TrustedLaunch' | 'ConfidentialVM';

/**
 * The size must be one the region offers: "The requested VM size … is not available in the
 * current region" (SkuNotAvailable / InvalidParameter; "Resolve errors for SKU not available",
 * https://learn.microsoft.com/azure/azure-resource-manager/troubleshooting/error-sku-not-available).
 */
function sizeOf(size: string | undefined) {
  const spec = VM_SIZES.find((s) => s.name.toLowerCase() === (size ?? '').toLowerCase());
  if (!spec) {
    throw new ArmError(400, 'InvalidParameter', `The requested VM size ${size ?? '(none)'} is not available in the current region. The sizes available in the current region are: ${VM_SIZES.map((s) => s.name).join(',')}. Find out more on the available VM sizes in each region at https://aka.ms/azure-regions.`, 'vmSize');
  }
  return spec;
}

/**
 * The VM's security type against the image's (the definition's SecurityType feature):
 * - TrustedLaunch / ConfidentialVM images boot only VMs of that type: "The provided gallery image
 *   only supports creation of VMs and VM Scale Sets with 'TrustedLaunch' security type." (Azure's
 *   BadRequest, quoted in hashicorp/terraform-provider-azurerm#23148 and kubermatic/machine-controller#2013;
 *   "Trusted launch for Azure VMs", https://learn.microsoft.com/azure/virtual-machines/trusted-launch).
 * - a Standard image boots no Trusted launch VM: "Use of TrustedLaunch setting is not supported for
 *   the provided image." (MicrosoftLearning/AZ-140… #250); the …Supported types boot Standard or theirs.
 * - Trusted launch and confidential VMs are Generation 2 only, on sizes without
 *   TrustedLaunchDisabled / with ConfidentialComputingType (trusted-launch#virtual-machines-sizes,
 *   https://learn.microsoft.com/azure/confidential-computing/confidential-vm-overview#sizes).
 * - a confidential VM's OS disk names its securityEncryptionType and the VM turns on vTPM
 *   (`managedDisk.securityProfile.securityEncryptionType`, `uefiSettings.vTpmEnabled`:
 *   https://learn.microsoft.com/azure/templates/microsoft.compute/virtualmachines).
 */
function checkSecurity(image: ResolvedImage, security: VmSecurity, size: ReturnType<typeof sizeOf>, osDisk: JsonObject | undefined, uefi: JsonObject | undefined): void {
  const allowed: Record<string, VmSecurity[]> = {
    TrustedLaunch: ['TrustedLaunch'],
    ConfidentialVM: ['ConfidentialVM'],
    TrustedLaunchSupported: ['Standard', 'TrustedLaunch'],
    ConfidentialVMSupported: ['Standard', 'ConfidentialVM'],
    TrustedLaunchAndConfidentialVmSupported: ['Standard', 'TrustedLaunch', 'ConfidentialVM'],
  };
  const fits = allowed[image.securityType] ?? ['Standard'];
  if (!fits.includes(security)) {
    if (fits.length === 1 && fits[0] !== 'Standard') throw new ArmError(400, 'BadRequest', `The provided gallery image only supports creation of VMs and VM Scale Sets with '${fits[0]}' security type.`, 'securityProfile.securityType');
    throw new ArmError(400, 'BadRequest', `Use of ${security} setting is not supported for the provided image. The image's security type is '${image.securityType}'.`, 'securityProfile.securityType');
  }
  if (security === 'Standard') return;
  if (image.hyperVGeneration !== 'V2') throw new ArmError(400, 'BadRequest', `${security} is supported only for Generation 2 images; the image is Hypervisor Generation '${image.hyperVGeneration.slice(1)}'.`, 'securityProfile.securityType');
  if (security === 'TrustedLaunch' && !size.trustedLaunch) {
    throw new ArmError(400, 'BadRequest', `The VM size '${size.name}' is not supported for creation of VMs and Virtual Machine Scale Sets with 'TrustedLaunch' security type.`, 'hardwareProfile.vmSize');
  }
  if (security === 'ConfidentialVM') {
    if (!size.confidential) throw new ArmError(400, 'BadRequest', `The VM size '${size.name}' is not supported for creation of VMs and Virtual Machine Scale Sets with 'ConfidentialVM' security type.`, 'hardwareProfile.vmSize');
    const encryption = asString(asObject(asObject(osDisk?.managedDisk)?.securityProfile)?.securityEncryptionType);
    if (!encryption) throw invalidParameter("Required parameter 'osDisk.managedDisk.securityProfile.securityEncryptionType' is missing (null): a ConfidentialVM needs its OS disk's security encryption type.", 'osDisk.managedDisk.securityProfile.securityEncryptionType');
    if (uefi?.vTpmEnabled === false) throw invalidParameter('vTpmEnabled must be true for a ConfidentialVM.', 'securityProfile.uefiSettings.vTpmEnabled');
  }
}

/**
 * The size runs the image: its HyperVGenerations and CpuArchitectureType (Resource SKUs; "The
 * selected VM size … cannot boot Hypervisor Generation '2'…": "Support for generation 2 VMs",
 * https://learn.microsoft.com/azure/virtual-machines/generation-2#generation-2-vm-sizes).
 */
function checkSizeRunsImage(size: ReturnType<typeof sizeOf>, image: ResolvedImage): void {
  if (!size.generations.split(',').includes(image.hyperVGeneration)) {
    throw new ArmError(400, 'BadRequest', `The selected VM size '${size.name}' cannot boot Hypervisor Generation '${image.hyperVGeneration.slice(1)}'. If this was a Create operation please check that the Hypervisor Generation of the Image matches the Hypervisor Generation of the selected VM Size. If this was an Update operation please select a Hypervisor Generation '${image.hyperVGeneration.slice(1)}' VM Size.`, 'hardwareProfile.vmSize');
  }
  if (size.architecture.toLowerCase() !== image.architecture.toLowerCase()) {
    throw new ArmError(400, 'BadRequest', `The selected VM size '${size.name}' (${size.architecture}) cannot boot an image of architecture '${image.architecture}'.`, 'hardwareProfile.vmSize');
  }
}

// OSProfile (https://learn.microsoft.com/rest/api/compute/virtual-machines/create-or-update#osprofile,
// the same text in @azure/arm-compute's OSProfile): adminUsername's disallowed values and lengths
// (Linux 1–64, Windows 1–20, Windows not ending in "."), adminPassword's lengths (Linux 6–72,
// Windows 8–123), 3 of 4 kinds (lower, upper, digit, special `[\W_]`) and disallowed values,
// computerName up to 15 characters on Windows and 64 on Linux.
const DISALLOWED_USERS = ['administrator', 'admin', 'user', 'user1', 'test', 'user2', 'test1', 'user3', 'admin1', '1', '123', 'a', 'actuser', 'adm', 'admin2', 'aspnet', 'backup', 'console', 'david', 'guest', 'john', 'owner', 'root', 'server', 'sql', 'support', 'support_388945a0', 'sys', 'test2', 'test3', 'user4', 'user5'];
const DISALLOWED_PASSWORDS = ['abc@123', 'P@$$w0rd', 'P@ssw0rd', 'P@ssword123', 'Pa$$word', 'pass@word1', 'Password!', 'Password1', 'Password22', 'iloveyou!'];

function checkOsProfile(os: JsonObject, osType: 'Linux' | 'Windows', vmName: string): JsonObject {
  const user = asString(os.adminUsername);
  if (!user) throw invalidParameter("Required parameter 'adminUsername' is missing (null).", 'adminUsername');
  const userMax = osType === 'Windows' ? 20 : 64;
  if (user.length > userMax || DISALLOWED_USERS.includes(user.toLowerCase()) || (osType === 'Windows' && user.endsWith('.'))) {
    throw invalidParameter('The Admin Username specified is not allowed.', 'adminUsername');
  }
  const computerName = asString(os.computerName) ?? vmName;
  if (computerName.length > (osType === 'Windows' ? 15 : 64)) throw invalidParameter(`The value of parameter osProfile.computerName is invalid: at most ${osType === 'Windows' ? 15 : 64} characters on ${osType}.`, 'computerName');
  const linux = asObject(os.linuxConfiguration);
  const keys = (asArray(asObject(linux?.ssh)?.publicKeys) ?? []).filter(isObject);
  const password = asString(os.adminPassword);
  if (osType === 'Linux' && linux?.disablePasswordAuthentication === true && keys.length === 0) {
    throw invalidParameter('Authentication using either SSH or by user name and password must be enabled in Linux profile.', 'linuxConfiguration');
  }
  if ((osType === 'Windows' || linux?.disablePasswordAuthentication !== true) && password === undefined) throw invalidParameter("Required parameter 'adminPassword' is missing (null).", 'adminPassword');
  if (password !== undefined) checkPassword(password, osType);
  for (const k of keys) checkSshKey(k, user);
  // Azure never returns the password.
  const { adminPassword: _password, ...shown } = os;
  return { ...shown, computerName, allowExtensionOperations: true, requireGuestProvisionSignal: true, secrets: [] };
}

function checkPassword(password: string, osType: 'Linux' | 'Windows'): void {
  const [min, max] = osType === 'Windows' ? [8, 123] : [6, 72];
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[\W_]/].filter((re) => re.test(password)).length;
  if (password.length < min || password.length > max || kinds < 3 || DISALLOWED_PASSWORDS.includes(password)) {
    throw invalidParameter('The supplied password must be between 6-72 characters long and must satisfy at least 3 of password complexity requirements from the following:\r\n1) Contains an uppercase character\r\n2) Contains a lowercase character\r\n3) Contains a numeric digit\r\n4) Contains a special character\r\n5) Control characters are not allowed'.replace('6-72', `${min}-${max}`), 'adminPassword');
  }
}

/**
 * An SSH public key: "Azure currently supports … SSH-2 RSA with a minimum length of 2048 bits
 * [and] ED25519 keys with a fixed length of 256 bits" (https://learn.microsoft.com/azure/virtual-machines/linux/create-ssh-keys-detailed#supported-ssh-key-formats),
 * in OpenSSH's one-line form whose base64 blob starts with the same key type (RFC 4253 §6.6,
 * RFC 8709 §4). The path is the admin user's authorized_keys ("Destination path for SSH public
 * keys is currently limited to its default value /home/<user>/.ssh/authorized_keys due to a known
 * issue in Linux provisioning agent", SshPublicKey.path in the REST reference).
 */
export function sshKeyProblem(keyData: string): string | undefined {
  const m = /^(ssh-rsa|ssh-ed25519) ([A-Za-z0-9+/]+={0,2})(\s.*)?$/.exec(keyData.trim());
  if (!m) return 'not an OpenSSH ssh-rsa or ssh-ed25519 public key';
  const blob = Buffer.from(m[2]!, 'base64');
  const strings: Buffer[] = [];
  for (let at = 0; at + 4 <= blob.length; ) {
    const len = blob.readUInt32BE(at);
    if (at + 4 + len > blob.length) return 'the key data is truncated';
    strings.push(blob.subarray(at + 4, at + 4 + len));
    at += 4 + len;
  }
  if (strings[0]?.toString() !== m[1]) return `the key data is not an ${m[1]} key`;
  if (m[1] === 'ssh-ed25519') return strings.length === 2 && strings[1]!.length === 32 ? undefined : 'an ED25519 key is 256 bits';
  if (strings.length !== 3) return 'the RSA key data is malformed';
  let modulus = strings[2]!;
  while (modulus.length > 0 && modulus[0] === 0) modulus = modulus.subarray(1);
  const bits = modulus.length === 0 ? 0 : (modulus.length - 1) * 8 + (32 - Math.clz32(modulus[0]!));
  return bits >= 2048 ? undefined : `the RSA key has ${bits} bits; Azure needs at least 2048`;
}

function checkSshKey(key: JsonObject, user: string): void {
  const path = asString(key.path);
  if (path !== `/home/${user}/.ssh/authorized_keys`) {
    throw invalidParameter(`Destination path for SSH public keys is currently limited to its default value /home/${user}/.ssh/authorized_keys  due to a known issue in Linux provisioning agent.`, 'linuxConfiguration.ssh.publicKeys.path');
  }
  const problem = sshKeyProblem(asString(key.keyData) ?? '');
  if (problem) throw invalidParameter(`The value of parameter linuxConfiguration.ssh.publicKeys.keyData is invalid (${problem}).`, 'linuxConfiguration.ssh.publicKeys.keyData');
}

function prepareVm(ctx: Ctx, id: string, body: JsonObject, location: string, existing: StoredResource | undefined): { vm: StoredResource; osDisk?: StoredResource } {
  const props = asObject(body.properties) ?? {};
  const size = sizeOf(asString(asObject(props.hardwareProfile)?.vmSize));
  const storage = asObject(props.storageProfile) ?? {};
  const reference = asObject(storage.imageReference);
  if (!reference) throw invalidParameter("Required parameter 'storageProfile.imageReference' is missing (null): the local Azure makes VMs from gallery images only.", 'imageReference');
  const image = resolveGalleryImage(ctx, reference, location, id);
  checkSizeRunsImage(size, image);
  const securityProfile = asObject(props.securityProfile);
  const security = (asString(securityProfile?.securityType) ?? 'Standard') as VmSecurity;
  if (!['Standard', 'TrustedLaunch', 'ConfidentialVM'].includes(security)) throw invalidParameter(`The value '${security}' of parameter securityProfile.securityType is invalid.`, 'securityProfile.securityType');
  const osDiskGiven = asObject(storage.osDisk);
  checkSecurity(image, security, size, osDiskGiven, asObject(securityProfile?.uefiSettings));
  // A specialized image keeps its accounts: "Parameter 'osProfile' is not allowed" for it
  // ("Create a VM from a specialized image version", https://learn.microsoft.com/azure/virtual-machines/vm-specialized-image-version).
  const osGiven = asObject(props.osProfile);
  if (image.osState === 'Specialized' && osGiven) throw invalidParameter("Parameter 'osProfile' is not allowed.", 'osProfile');
  if (image.osState === 'Generalized' && !osGiven) throw invalidParameter("Required parameter 'osProfile' is missing (null).", 'osProfile');
  const osProfile = osGiven ? checkOsProfile(osGiven, image.osType, ctx.params.name) : undefined;
  const nics = (asArray(asObject(props.networkProfile)?.networkInterfaces) ?? []).filter(isObject);
  // At least one NIC, each existing in the VM's region ("Create a VM with multiple NICs",
  // https://learn.microsoft.com/azure/virtual-machines/windows/multiple-nics; InvalidResourceReference as network.ts).
  if (nics.length === 0) throw invalidParameter('At least one network interface is required in networkProfile.networkInterfaces.', 'networkProfile.networkInterfaces');
  for (const n of nics) referenced(ctx, n, NETWORK_TYPES.nic, id, location);
  if (existing) {
    // A redeploy of the same template: Azure keeps the VM and applies updatable settings only.
    return { vm: { ...existing, tags: existing.tags, properties: { ...existing.properties, hardwareProfile: { vmSize: size.name } } } };
  }
  const [, , subscriptionId, , resourceGroup] = id.split('/');
  const { vm, osDisk } = virtualMachine({ subscriptionId: subscriptionId!, resourceGroup: resourceGroup!, name: ctx.params.name, location, osType: image.osType, hyperVGeneration: image.hyperVGeneration, securityType: security });
  const storedOs = asObject(asObject(vm.properties.storageProfile)?.osDisk) ?? {};
  const diskType = asString(asObject(osDiskGiven?.managedDisk)?.storageAccountType) ?? 'Premium_LRS';
  const managedDisk: JsonObject = { ...asObject(storedOs.managedDisk), storageAccountType: diskType };
  if (isObject(asObject(osDiskGiven?.managedDisk)?.securityProfile)) managedDisk.securityProfile = asObject(osDiskGiven?.managedDisk)!.securityProfile!;
  const properties: JsonObject = {
    ...vm.properties,
    hardwareProfile: { vmSize: size.name },
    storageProfile: { imageReference: { ...reference }, osDisk: { ...storedOs, managedDisk, deleteOption: asString(osDiskGiven?.deleteOption) ?? 'Detach' }, dataDisks: [] },
    networkProfile: { networkInterfaces: nics.map((n) => ({ id: asString(n.id) ?? '' })) },
  };
  if (osProfile) properties.osProfile = osProfile;
  if (security !== 'Standard') properties.securityProfile = { securityType: security, uefiSettings: { secureBootEnabled: securityProfile?.uefiSettings && asObject(securityProfile.uefiSettings)?.secureBootEnabled === false ? false : true, vTpmEnabled: true } };
  else delete properties.securityProfile;
  vm.properties = properties;
  osDisk.extra = { ...osDisk.extra, sku: { name: diskType, tier: diskType.startsWith('Premium') ? 'Premium' : 'Standard' } };
  return { vm, osDisk };
}

export function registerVirtualMachineWrites(emu: Emulator): void {
  const opts = (action: string) => ({ auth: 'arm' as const, family: 'provider' as const, apiVersions: COMPUTE_API_VERSIONS, typeName: 'virtualMachines', action });
  emu.router.add('PUT', TEMPLATE, opts('Microsoft.Compute/virtualMachines/write'), (ctx) => {
    const id = idOf(ctx);
    let disk: StoredResource | undefined;
    return writeTracked({
      ctx, id, type: SOURCE_TYPES.virtualMachine, statusApiVersion: STATUS_API_VERSION,
      prepare(body, location, existing) {
        const { vm, osDisk } = prepareVm(ctx, id, body, location, existing);
        disk = osDisk;
        return { properties: vm.properties, extra: vm.extra, meta: vm.meta };
      },
      alongside: () => (disk && !getResource(ctx.emu.state, disk.id) ? [disk] : []),
      render: renderSource,
    });
  });
  emu.router.add('DELETE', TEMPLATE, opts('Microsoft.Compute/virtualMachines/delete'), (ctx) => deleteTracked(ctx, SOURCE_TYPES.virtualMachine, STATUS_API_VERSION));
}
