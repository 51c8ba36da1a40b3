// The questions of Create VM from This Version…, in order. Each is skipped when its answer was given
// (unless editing) or does not apply (one region, one security type, a specialized image has no
// admin user, a Windows one signs in with a password).
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { validateResourceGroupName } from '../../model/names';
import { sizeProblem, validateAdminUsername, validateSshPublicKey, validateVmName, vmSecurityChoices, type VmSecurityType, type VmSizeInfo } from '../../model/vmFromVersion';
import { inputStep, pickStep, type PickEntry, type Step } from '../../ui/wizard';
import type { VersionSource } from './source';

export interface VmState {
  location?: string;
  resourceGroup?: string;
  newResourceGroup?: boolean;
  vmName?: string;
  security?: VmSecurityType;
  size?: string;
  adminUsername?: string;
  authentication?: 'ssh' | 'password';
  sshPublicKey?: string;
}

export interface VmStepDeps {
  source: VersionSource;
  sizes(location: string): Promise<VmSizeInfo[]>;
  groups(): Promise<Array<{ name: string; location?: string }>>;
  sshDirectory?: string;
  suggestName(): string;
  /** Whether the answer is still to be asked. */
  ask(key: keyof VmState): boolean;
}

const SECURITY_WORDS: Record<VmSecurityType, string> = {
  TrustedLaunch: 'Trusted launch: Secure Boot and vTPM on',
  ConfidentialVM: 'Confidential VM: Secure Boot, vTPM and an encrypted guest state',
  Standard: 'Standard: no Secure Boot or vTPM',
};

type KeyChoice = { kind: 'file'; key: string } | { kind: 'paste' } | { kind: 'password' };

/** The OpenSSH public keys in the directory (~/.ssh/*.pub), those that are valid. */
async function publicKeys(dir: string): Promise<Array<{ file: string; key: string }>> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const out: Array<{ file: string; key: string }> = [];
  for (const name of names.filter((n) => n.endsWith('.pub')).sort()) {
    const key = (await fs.readFile(path.join(dir, name), 'utf8').catch(() => '')).trim();
    if (key && !validateSshPublicKey(key)) out.push({ file: name, key });
  }
  return out;
}

export function vmSteps(d: VmStepDeps): Step<VmState>[] {
  const { facts } = d.source;
  const generalized = facts.osState === 'Generalized';
  const choices = vmSecurityChoices(facts.securityType);
  const sshDir = d.sshDirectory ?? path.join(os.homedir(), '.ssh');
  return [
    pickStep<VmState, string>({
      title: 'Region',
      placeholder: 'The region of the VM: one the version is replicated to',
      when: () => d.ask('location') && d.source.regions.length > 0,
      items: () => d.source.regions.map((r) => ({ label: r, value: r })),
      get: (s) => s.location,
      set: (s, v) => {
        if (s.location !== v) s.size = undefined;
        s.location = v;
      },
    }),
    pickStep<VmState, { name: string; isNew: boolean }>({
      title: 'Resource group',
      placeholder: 'The resource group of the VM: pick one, or name a new one',
      when: () => d.ask('resourceGroup'),
      items: async (): Promise<PickEntry<{ name: string; isNew: boolean }>[]> => [
        { label: '$(add) New resource group…', detail: 'The Azure CLI form creates it first', value: { name: '', isNew: true } },
        { separator: 'Existing resource groups' },
        ...(await d.groups()).map((g) => ({ label: g.name, description: g.location, value: { name: g.name, isNew: false } })),
      ],
      get: (s) => (s.resourceGroup === undefined ? undefined : { name: s.resourceGroup, isNew: s.newResourceGroup === true }),
      same: (a, b) => a.isNew === b.isNew && (a.isNew || a.name.toLowerCase() === b.name.toLowerCase()),
      set: (s, v) => {
        s.newResourceGroup = v.isNew;
        if (!v.isNew) s.resourceGroup = v.name;
      },
    }),
    inputStep<VmState>({
      title: 'New resource group',
      prompt: 'Name of the new resource group (letters, digits, underscores, hyphens, periods and parentheses; up to 90)',
      when: (s) => s.newResourceGroup === true && d.ask('resourceGroup'),
      get: (s) => s.resourceGroup,
      suggest: () => `rg-${d.suggestName()}`,
      set: (s, v) => (s.resourceGroup = v),
      validate: validateResourceGroupName,
    }),
    inputStep<VmState>({
      title: 'VM name',
      prompt: `The VM's name (${facts.osType === 'Windows' ? 'up to 15' : 'up to 64'} letters, digits, hyphens and periods)`,
      when: () => d.ask('vmName'),
      get: (s) => s.vmName,
      suggest: () => d.suggestName(),
      set: (s, v) => (s.vmName = v),
      validate: (v) => validateVmName(v, facts.osType),
    }),
    pickStep<VmState, VmSecurityType>({
      title: 'Security type',
      placeholder: `The image's definition is ${facts.securityType}: the VM can be`,
      when: () => d.ask('security') && choices.length > 1,
      items: () => choices.map((c) => ({ label: c, detail: SECURITY_WORDS[c], value: c })),
      get: (s) => s.security,
      suggest: () => choices[0],
      set: (s, v) => {
        if (s.security !== v) s.size = undefined;
        s.security = v;
      },
    }),
    pickStep<VmState, string>({
      title: 'Size',
      placeholder: (s) => `A size that runs a Generation ${facts.hyperVGeneration.slice(1)} ${facts.architecture} image as a ${s.security ?? choices[0]} VM`,
      when: () => d.ask('size'),
      items: async (s) => {
        const all = await d.sizes(s.location!);
        const security = s.security ?? choices[0]!;
        const fits = all.filter((z) => !sizeProblem(z, facts, security));
        const rest = all.filter((z) => sizeProblem(z, facts, security));
        const row = (z: VmSizeInfo) => ({ label: z.name, description: `${z.vCPUs} vCPU · ${z.memoryGB} GB`, value: z.name });
        return [
          ...fits.map(row),
          ...(rest.length > 0 ? [{ separator: 'Not for this image' }] : []),
          ...rest.map((z) => ({ ...row(z), detail: sizeProblem(z, facts, security), refusal: sizeProblem(z, facts, security) })),
        ];
      },
      get: (s) => s.size,
      set: (s, v) => {
        s.size = v;
      },
    }),
    inputStep<VmState>({
      title: 'Admin user',
      prompt: 'The admin user name on the VM',
      when: () => generalized && d.ask('adminUsername'),
      get: (s) => s.adminUsername,
      suggest: () => 'azureuser',
      set: (s, v) => (s.adminUsername = v),
      validate: (v) => validateAdminUsername(v, facts.osType),
    }),
    pickStep<VmState, KeyChoice>({
      title: 'Sign-in',
      placeholder: `How the admin user signs in: an SSH public key (from ${sshDir}) or a password`,
      when: () => generalized && facts.osType === 'Linux' && d.ask('authentication'),
      items: async () => [
        ...(await publicKeys(sshDir)).map((k) => ({ label: `$(key) ${k.file}`, description: k.key.split(' ')[0], detail: k.key.split(' ').slice(2).join(' ') || undefined, value: { kind: 'file' as const, key: k.key } })),
        { label: '$(edit) Paste a public key…', value: { kind: 'paste' as const } },
        { label: '$(lock) Password', detail: 'The three forms ask for it when they run (never written into them)', value: { kind: 'password' as const } },
      ],
      get: (s) => (s.authentication === 'password' ? { kind: 'password' } : s.sshPublicKey ? { kind: 'file', key: s.sshPublicKey } : undefined),
      same: (a, b) => a.kind === b.kind && (a.kind !== 'file' || a.key === (b as { key: string }).key),
      set: (s, v) => {
        s.authentication = v.kind === 'password' ? 'password' : 'ssh';
        if (v.kind === 'file') s.sshPublicKey = v.key;
        if (v.kind === 'paste') s.sshPublicKey = undefined;
      },
    }),
    inputStep<VmState>({
      title: 'SSH public key',
      prompt: 'Paste the OpenSSH public key (one line: ssh-ed25519 AAAA… or ssh-rsa AAAA…)',
      when: (s) => generalized && s.authentication === 'ssh' && s.sshPublicKey === undefined,
      get: (s) => s.sshPublicKey,
      set: (s, v) => (s.sshPublicKey = v.trim()),
      validate: validateSshPublicKey,
    }),
  ];
}
