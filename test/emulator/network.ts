// Microsoft.Network, the few types a test VM's template makes beside it: virtual networks (with
// their subnets), subnets, public IP addresses, network security groups and network interfaces —
// PUT, GET and DELETE, each an LRO (tracked.ts). Enough for "Create VM from This Version…"'s
// template (api-version 2023-09-01) and `az vm create`; not Azure's whole network model.
// Contracts (REST reference, api-version 2023-09-01):
// - Virtual Networks - Create Or Update, https://learn.microsoft.com/rest/api/virtualnetwork/virtual-networks/create-or-update
// - Subnets - Create Or Update, https://learn.microsoft.com/rest/api/virtualnetwork/subnets/create-or-update
// - Public IP Addresses - Create Or Update, https://learn.microsoft.com/rest/api/virtualnetwork/public-ip-addresses/create-or-update
// - Network Security Groups - Create Or Update, https://learn.microsoft.com/rest/api/virtualnetwork/network-security-groups/create-or-update
// - Network Interfaces - Create Or Update, https://learn.microsoft.com/rest/api/virtualnetwork/network-interfaces/create-or-update
// Rules (each cited where it is applied; SOURCES.md "Network resources for a test VM").
import * as crypto from 'node:crypto';
import { ArmError, invalidParameter } from './arm/errors';
import type { Emulator } from './emulator';
import type { Ctx } from './http';
import type { Json, JsonObject } from './json';
import { asArray, asObject, asString, isObject } from './json';
import type { StoredResource } from './state';
import { childrenOf, getResource, resourcesOfType } from './state';
import { normalizeRegion } from './compute/replication';
import { deleteTracked, idOf, readTracked, renderTracked, writeTracked } from './tracked';

export const NETWORK_API_VERSIONS = [
  '2022-07-01', '2022-09-01', '2022-11-01', '2023-02-01', '2023-04-01', '2023-05-01', '2023-06-01', '2023-09-01', '2023-11-01', '2024-01-01', '2024-03-01', '2024-05-01', '2024-07-01',
] as const;
/** The operation-status route serves Compute's api-versions; the status URL carries one of them. */
const STATUS_API_VERSION = '2024-07-01';

export const NETWORK_TYPES = {
  vnet: 'Microsoft.Network/virtualNetworks',
  subnet: 'Microsoft.Network/virtualNetworks/subnets',
  publicIp: 'Microsoft.Network/publicIPAddresses',
  nsg: 'Microsoft.Network/networkSecurityGroups',
  nic: 'Microsoft.Network/networkInterfaces',
} as const;

const BASE = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network';

// ---------------------------------------------------------------------------------------------
// Address prefixes

function parseCidr(prefix: string): { start: number; end: number } | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(prefix);
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const bits = Number(m[5]);
  if (octets.some((o) => o > 255) || bits > 32) return undefined;
  const ip = octets.reduce((a, o) => a * 256 + o, 0);
  const size = 2 ** (32 - bits);
  const start = Math.floor(ip / size) * size;
  return { start, end: start + size - 1 };
}

function checkPrefix(prefix: Json | undefined, target: string): { start: number; end: number } {
  const text = asString(prefix);
  const range = text ? parseCidr(text) : undefined;
  if (!range) throw invalidParameter(`Value '${String(prefix)}' is not a valid address prefix (CIDR notation, e.g. 10.0.0.0/24).`, target);
  return range;
}

/**
 * A subnet's range must lie inside the virtual network's address space: "Subnet … is not valid
 * in virtual network …" (NetcfgInvalidSubnet; "Add, change, or delete a virtual network subnet",
 * https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-subnet#add-a-subnet:
 * "The address range must be unique within the address space for the virtual network").
 */
function checkSubnetInSpace(vnetName: string, subnetName: string, prefix: string, space: Array<{ start: number; end: number }>): void {
  const r = parseCidr(prefix)!;
  if (!space.some((s) => r.start >= s.start && r.end <= s.end)) {
    throw new ArmError(400, 'NetcfgInvalidSubnet', `Subnet '${subnetName}' is not valid in virtual network '${vnetName}'.`);
  }
}

function addressSpaceOf(vnet: StoredResource): Array<{ start: number; end: number }> {
  return (asArray(asObject(vnet.properties.addressSpace)?.addressPrefixes) ?? []).map((p) => parseCidr(String(p))).filter((r): r is { start: number; end: number } => !!r);
}

// ---------------------------------------------------------------------------------------------
// References between network resources

/**
 * A reference to another resource must name one that exists in the same region: ARM's
 * InvalidResourceReference ("Resource … referenced by resource … was not found. Please make sure
 * that the referenced resource exists, and that both resources are in the same region.";
 * "Resolve errors for resource not found", https://learn.microsoft.com/azure/azure-resource-manager/troubleshooting/error-not-found).
 */
export function referenced(ctx: Ctx, ref: Json | undefined, type: string, by: string, location: string): StoredResource | undefined {
  const id = asString(asObject(ref)?.id);
  if (ref === undefined || ref === null) return undefined;
  const r = id ? getResource(ctx.emu.state, id) : undefined;
  const region = type === NETWORK_TYPES.subnet && r ? getResource(ctx.emu.state, r.id.split('/subnets/')[0]!)?.location : r?.location;
  if (!r || r.type.toLowerCase() !== type.toLowerCase() || r.provisioningState === 'Deleting' || normalizeRegion(region ?? '') !== location) {
    throw new ArmError(400, 'InvalidResourceReference', `Resource ${id ?? '(no id)'} referenced by resource ${by} was not found. Please make sure that the referenced resource exists, and that both resources are in the same region.`);
  }
  return r;
}

const users = (ctx: Ctx, type: string, refersTo: (r: StoredResource) => string[]) => (target: StoredResource) =>
  resourcesOfType(ctx.emu.state, type).filter((r) => refersTo(r).some((id) => id.toLowerCase() === target.id.toLowerCase()));

function nicReferences(nic: StoredResource): { subnets: string[]; publicIps: string[]; nsg?: string } {
  const configs = (asArray(nic.properties.ipConfigurations) ?? []).filter(isObject).map((c) => asObject(c.properties) ?? {});
  return {
    subnets: configs.map((p) => asString(asObject(p.subnet)?.id)).filter((x): x is string => !!x),
    publicIps: configs.map((p) => asString(asObject(p.publicIPAddress)?.id)).filter((x): x is string => !!x),
    nsg: asString(asObject(nic.properties.networkSecurityGroup)?.id),
  };
}

/**
 * Deleting what a NIC uses is refused while the NIC exists (InUseSubnetCannotBeDeleted,
 * PublicIPAddressInUse, InUseNetworkSecurityGroupCannotBeDeleted: "Troubleshoot… delete a
 * virtual network / public IP", https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-subnet#delete-a-subnet
 * — "You can only delete a subnet if there are no resources in the subnet").
 */
function refuseInUse(ctx: Ctx, code: string, what: string, pick: (refs: ReturnType<typeof nicReferences>) => string[]) {
  return (target: StoredResource) => {
    const user = users(ctx, NETWORK_TYPES.nic, (nic) => pick(nicReferences(nic)))(target)[0];
    if (user) throw new ArmError(400, code, `${what} ${target.id} is in use by ${user.id} and cannot be deleted. In order to delete the ${what.toLowerCase()}, remove all resources within it first.`);
  };
}

// ---------------------------------------------------------------------------------------------
// Renderers

function etag(): string {
  return `W/"${crypto.randomUUID()}"`;
}

function renderSubnet(r: StoredResource): JsonObject {
  return { id: r.id, name: r.name, etag: etag(), type: r.type, properties: { ...r.properties, provisioningState: r.provisioningState } };
}

function renderVnet(ctx: Ctx, r: StoredResource): JsonObject {
  const out = renderTracked(r);
  out.etag = etag();
  (out.properties as JsonObject).subnets = childrenOf(ctx.emu.state, r.id, NETWORK_TYPES.subnet).map(renderSubnet);
  return out;
}

function subnetOf(vnet: StoredResource, name: string, properties: JsonObject): StoredResource {
  return { id: `${vnet.id}/subnets/${name}`, name, type: NETWORK_TYPES.subnet, location: vnet.location, properties, provisioningState: 'Succeeded', createdAt: new Date().toISOString() };
}

function subnetProperties(vnetName: string, name: string, given: JsonObject | undefined, space: Array<{ start: number; end: number }>): JsonObject {
  const prefix = given?.addressPrefix;
  checkPrefix(prefix, `subnets.${name}.addressPrefix`);
  checkSubnetInSpace(vnetName, name, String(prefix), space);
  const out: JsonObject = { addressPrefix: String(prefix) };
  if (isObject(given?.networkSecurityGroup)) out.networkSecurityGroup = given.networkSecurityGroup;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Routes

export function registerNetwork(emu: Emulator): void {
  const opts = (typeName: string, action: string) => ({ auth: 'arm' as const, family: 'provider' as const, apiVersions: NETWORK_API_VERSIONS, typeName, action });
  const crud = (segment: string, type: string, typeName: string, write: (ctx: Ctx) => ReturnType<typeof writeTracked>, render: (ctx: Ctx, r: StoredResource) => JsonObject, beforeDelete?: (ctx: Ctx) => (r: StoredResource) => void) => {
    const template = `${BASE}/${segment}`;
    emu.router.add('GET', template, opts(typeName, `${type}/read`), (ctx) => readTracked(ctx, type, (r) => render(ctx, r)));
    emu.router.add('PUT', template, opts(typeName, `${type}/write`), write);
    emu.router.add('DELETE', template, opts(typeName, `${type}/delete`), (ctx) => deleteTracked(ctx, type, STATUS_API_VERSION, beforeDelete?.(ctx)));
  };

  crud('virtualNetworks/{name}', NETWORK_TYPES.vnet, 'virtualNetworks', (ctx) => {
    const id = idOf(ctx);
    return writeTracked({
      ctx, id, type: NETWORK_TYPES.vnet, statusApiVersion: STATUS_API_VERSION,
      prepare(body) {
        const properties = asObject(body.properties) ?? {};
        const prefixes = asArray(asObject(properties.addressSpace)?.addressPrefixes);
        // addressSpace.addressPrefixes: at least one CIDR range (Virtual Networks - Create Or Update).
        if (!prefixes || prefixes.length === 0) throw invalidParameter('The virtual network needs at least one address prefix in addressSpace.addressPrefixes.', 'addressSpace.addressPrefixes');
        prefixes.forEach((p, i) => checkPrefix(p, `addressSpace.addressPrefixes[${i}]`));
        const space = prefixes.map((p) => parseCidr(String(p))!);
        const subnets = (asArray(properties.subnets) ?? []).filter(isObject);
        for (const s of subnets) subnetProperties(ctx.params.name, String(s.name), asObject(s.properties), space);
        return { properties: { addressSpace: { addressPrefixes: prefixes }, resourceGuid: crypto.randomUUID() } };
      },
      alongside(vnet) {
        const subnets = (asArray(asObject(asObject(ctx.body)?.properties)?.subnets) ?? []).filter(isObject);
        return subnets.map((s) => subnetOf(vnet, String(s.name), subnetProperties(vnet.name, String(s.name), asObject(s.properties), addressSpaceOf(vnet))));
      },
      render: (r) => renderVnet(ctx, r),
    });
  }, renderVnet, (ctx) => (vnet) => {
    for (const s of childrenOf(ctx.emu.state, vnet.id, NETWORK_TYPES.subnet)) refuseInUse(ctx, 'InUseSubnetCannotBeDeleted', 'Subnet', (refs) => refs.subnets)(s);
  });

  crud('virtualNetworks/{vnetName}/subnets/{name}', NETWORK_TYPES.subnet, 'virtualNetworks/subnets', (ctx) => {
    const id = idOf(ctx);
    const vnet = getResource(ctx.emu.state, id.split('/subnets/')[0]!);
    if (!vnet) throw new ArmError(404, 'ParentResourceNotFound', `Can not perform requested operation on nested resource. Parent resource '${ctx.params.vnetName}' not found.`);
    const properties = subnetProperties(vnet.name, ctx.params.name, asObject(asObject(ctx.body)?.properties), addressSpaceOf(vnet));
    const existing = getResource(ctx.emu.state, id);
    const subnet = subnetOf(vnet, ctx.params.name, properties);
    if (existing) subnet.createdAt = existing.createdAt;
    ctx.emu.state.resources[id.toLowerCase()] = subnet;
    return { status: existing ? 200 : 201, body: renderSubnet(subnet) };
  }, (_ctx, r) => renderSubnet(r), (ctx) => refuseInUse(ctx, 'InUseSubnetCannotBeDeleted', 'Subnet', (refs) => refs.subnets));

  crud('publicIPAddresses/{name}', NETWORK_TYPES.publicIp, 'publicIPAddresses', (ctx) =>
    writeTracked({
      ctx, id: idOf(ctx), type: NETWORK_TYPES.publicIp, statusApiVersion: STATUS_API_VERSION,
      prepare(body) {
        const sku = asString(asObject(body.sku)?.name) ?? 'Basic';
        const properties = asObject(body.properties) ?? {};
        const method = asString(properties.publicIPAllocationMethod) ?? (sku === 'Standard' ? 'Static' : 'Dynamic');
        // "Standard SKU public IP addresses … always use the static allocation method"
        // (https://learn.microsoft.com/azure/virtual-network/ip-services/public-ip-addresses#sku).
        if (sku === 'Standard' && method !== 'Static') throw new ArmError(400, 'StandardSkuPublicIPAddressesCannotUseDynamicAllocation', 'Standard sku publicIp addresses do not support Dynamic allocation method.');
        const ip = `20.${crypto.randomInt(1, 255)}.${crypto.randomInt(0, 255)}.${crypto.randomInt(1, 255)}`;
        return { properties: { publicIPAllocationMethod: method, publicIPAddressVersion: 'IPv4', ipAddress: ip, idleTimeoutInMinutes: 4, resourceGuid: crypto.randomUUID() }, extra: { sku: { name: sku, tier: 'Regional' } } };
      },
      render: renderTracked,
    }),
  (_ctx, r) => renderTracked(r), (ctx) => refuseInUse(ctx, 'PublicIPAddressInUse', 'Public IP address', (refs) => refs.publicIps));

  crud('networkSecurityGroups/{name}', NETWORK_TYPES.nsg, 'networkSecurityGroups', (ctx) =>
    writeTracked({
      ctx, id: idOf(ctx), type: NETWORK_TYPES.nsg, statusApiVersion: STATUS_API_VERSION,
      prepare(body) {
        const rules = (asArray(asObject(body.properties)?.securityRules) ?? []).filter(isObject);
        rules.forEach(checkSecurityRule);
        return { properties: { securityRules: rules.map((r) => ({ ...r, id: `${idOf(ctx)}/securityRules/${String(r.name)}` })), resourceGuid: crypto.randomUUID() } };
      },
      render: renderTracked,
    }),
  (_ctx, r) => renderTracked(r), (ctx) => refuseInUse(ctx, 'InUseNetworkSecurityGroupCannotBeDeleted', 'Network security group', (refs) => (refs.nsg ? [refs.nsg] : [])));

  crud('networkInterfaces/{name}', NETWORK_TYPES.nic, 'networkInterfaces', (ctx) => {
    const id = idOf(ctx);
    return writeTracked({
      ctx, id, type: NETWORK_TYPES.nic, statusApiVersion: STATUS_API_VERSION,
      prepare(body, location) {
        const properties = asObject(body.properties) ?? {};
        const configs = (asArray(properties.ipConfigurations) ?? []).filter(isObject);
        // A NIC needs at least one IP configuration, each in a subnet
        // ("Create, change, or delete a network interface", https://learn.microsoft.com/azure/virtual-network/virtual-network-network-interface#create-a-network-interface).
        if (configs.length === 0) throw invalidParameter('Network interface needs at least one IP configuration.', 'ipConfigurations');
        const out = configs.map((c, i) => {
          const p = asObject(c.properties) ?? {};
          if (!isObject(p.subnet)) throw invalidParameter(`IP configuration ${String(c.name)} of the network interface must reference a subnet.`, `ipConfigurations[${i}].properties.subnet`);
          referenced(ctx, p.subnet, NETWORK_TYPES.subnet, id, location);
          referenced(ctx, p.publicIPAddress, NETWORK_TYPES.publicIp, id, location);
          return { name: c.name, id: `${id}/ipConfigurations/${String(c.name)}`, properties: { ...p, privateIPAddress: `10.0.0.${4 + i}`, privateIPAddressVersion: 'IPv4', primary: i === 0 } };
        });
        referenced(ctx, properties.networkSecurityGroup, NETWORK_TYPES.nsg, id, location);
        const stored: JsonObject = { ipConfigurations: out, resourceGuid: crypto.randomUUID() };
        if (isObject(properties.networkSecurityGroup)) stored.networkSecurityGroup = { id: asString(properties.networkSecurityGroup.id) ?? '' };
        return { properties: stored };
      },
      render: renderTracked,
    });
  }, (_ctx, r) => renderTracked(r), (ctx) => (nic) => {
    // A NIC attached to a VM cannot be deleted (NicInUse: "Delete a network interface",
    // https://learn.microsoft.com/azure/virtual-network/virtual-network-network-interface#delete-a-network-interface).
    const vm = resourcesOfType(ctx.emu.state, 'Microsoft.Compute/virtualMachines').find((v) =>
      (asArray(asObject(v.properties.networkProfile)?.networkInterfaces) ?? []).some((n) => asString(asObject(n)?.id)?.toLowerCase() === nic.id.toLowerCase()),
    );
    if (vm) throw new ArmError(400, 'NicInUse', `Network Interface ${nic.id} is used by existing resource ${vm.id}. In order to delete the network interface, it must be dissociated from the resource.`);
  });
}

/**
 * A security rule: priority 100–4096, direction Inbound/Outbound, access Allow/Deny, protocol
 * Tcp/Udp/Icmp/Esp/Ah/* ("Network security groups — Security rules",
 * https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview#security-rules).
 */
function checkSecurityRule(rule: JsonObject): void {
  const p = asObject(rule.properties) ?? {};
  const name = String(rule.name);
  const priority = p.priority;
  if (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 100 || priority > 4096) {
    throw new ArmError(400, 'SecurityRuleInvalidPriority', `Security rule ${name} has invalid priority ${String(priority)}. Value provided: ${String(priority)} Allowed range 100-4096.`);
  }
  const oneOf = (field: string, allowed: string[]) => {
    const v = asString(p[field]);
    if (!v || !allowed.some((a) => a.toLowerCase() === v.toLowerCase())) throw invalidParameter(`Security rule ${name}: ${field} must be one of ${allowed.join(', ')}.`, `securityRules.${name}.${field}`);
  };
  oneOf('direction', ['Inbound', 'Outbound']);
  oneOf('access', ['Allow', 'Deny']);
  oneOf('protocol', ['Tcp', 'Udp', 'Icmp', 'Esp', 'Ah', '*']);
}
