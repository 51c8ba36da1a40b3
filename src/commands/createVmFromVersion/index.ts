// Create VM from This Version…: the few answers a test VM needs — region, resource group, name,
// security type, a size that fits the image, the admin user and how they sign in — checked with
// Azure's rules, then the same VM as Azure CLI, Bicep and ARM JSON opened in editors
// (src/model/vmFromVersion.ts writes them). Nothing is sent to Azure but the lists the questions
// offer (regions of the version, resource groups, sizes of the region) until the user deploys
// (deploy.ts).
import * as vscode from 'vscode';
import { describeSecurityType } from '../../model/imageRules';
import { validateResourceGroupName } from '../../model/names';
import {
  sizeProblem,
  validateAdminPassword,
  validateAdminUsername,
  validateSshPublicKey,
  validateVmName,
  vmArmJson,
  vmAzureCli,
  vmBicep,
  vmSecurityChoices,
  type VmPlan,
  type VmSecurityType,
  type VmSizeInfo,
} from '../../model/vmFromVersion';
import type { Explorer } from '../../tree/explorer';
import { attempt, inputFailure } from '../../ui/failures';
import { runWizard, type Prompter } from '../../ui/wizard';
import { isOptionsObject } from '../createCommon';
import { prompterFor } from '../manageCommon';
import type { DeploymentOutcome } from '../../azureChunk';
import { notify } from '../../ui/notify';
import { deployVm } from './deploy';
import { findVersionNode, isVersionNode, suggestVmName, versionSource, type VersionSource } from './source';
import { vmSteps, type VmState } from './steps';

export const CREATE_VM_TITLE = 'Create VM from This Version';

export interface CreateVmOptions {
  /** The version: its ARM id, or its /SharedGalleries/… or /CommunityGalleries/… unique id. */
  version?: string;
  location?: string;
  resourceGroup?: string;
  /** The group does not exist yet: the Azure CLI form creates it first. */
  newResourceGroup?: boolean;
  vmName?: string;
  securityType?: VmSecurityType;
  size?: string;
  adminUsername?: string;
  authentication?: 'ssh' | 'password';
  sshPublicKey?: string;
  /** Checked against Azure's rules when given; never written into the three forms (they ask for it). */
  adminPassword?: string;
  /** Where the SSH public keys to offer are (default ~/.ssh). */
  sshDirectory?: string;
  /** Open the three forms in editors (default true). */
  open?: boolean;
  /** Deploy the ARM JSON to the resource group now (after writing the forms). */
  deploy?: boolean;
  edit?: boolean;
  prompter?: Prompter;
}

export interface CreateVmReport {
  plan: VmPlan;
  cli: string;
  bicep: string;
  arm: string;
  documents: vscode.Uri[];
  deployment?: DeploymentOutcome;
}

function stateOf(options: CreateVmOptions, source: VersionSource): VmState {
  return {
    location: options.location?.replace(/\s+/g, '').toLowerCase() ?? (source.regions.length === 1 ? source.regions[0] : undefined),
    resourceGroup: options.resourceGroup,
    newResourceGroup: options.newResourceGroup ?? (options.resourceGroup === undefined ? undefined : false),
    vmName: options.vmName,
    security: options.securityType ?? (vmSecurityChoices(source.facts.securityType).length === 1 ? vmSecurityChoices(source.facts.securityType)[0] : undefined),
    size: options.size,
    adminUsername: options.adminUsername,
    authentication: source.facts.osType === 'Windows' ? 'password' : options.authentication ?? (options.sshPublicKey ? 'ssh' : undefined),
    sshPublicKey: options.sshPublicKey,
  };
}

/** Every answer given up front, checked as the prompts check it: one sentence per bad answer. */
function problemsOf(s: VmState, source: VersionSource, options: CreateVmOptions, sizes: readonly VmSizeInfo[] | undefined): string[] {
  const { facts } = source;
  const out: (string | undefined)[] = [];
  const named = (label: string, problem: string | undefined) => (problem ? `${label}: ${problem}` : undefined);
  if (s.location && !source.regions.includes(s.location)) out.push(`Region: the version is in ${source.regions.join(', ')} only; a VM must be in one of them.`);
  if (s.resourceGroup !== undefined) out.push(named('Resource group', validateResourceGroupName(s.resourceGroup)));
  if (s.vmName !== undefined) out.push(named('VM name', validateVmName(s.vmName, facts.osType)));
  if (s.security && !vmSecurityChoices(facts.securityType).includes(s.security)) {
    out.push(`Security type: a ${describeSecurityType(facts.securityType)} image boots ${vmSecurityChoices(facts.securityType).join(' or ')} VMs, not ${s.security}.`);
  }
  if (s.size && sizes && s.security) {
    const size = sizes.find((z) => z.name.toLowerCase() === s.size!.toLowerCase());
    out.push(named('Size', size ? sizeProblem(size, facts, s.security) : `${s.size} is not offered in ${s.location}.`));
  }
  if (facts.osState === 'Generalized') {
    if (s.adminUsername !== undefined) out.push(named('Admin user', validateAdminUsername(s.adminUsername, facts.osType)));
    if (s.sshPublicKey !== undefined) out.push(named('SSH public key', validateSshPublicKey(s.sshPublicKey)));
    if (options.adminPassword !== undefined) out.push(named('Password', validateAdminPassword(options.adminPassword, facts.osType)));
  }
  return out.filter((p): p is string => p !== undefined);
}

function planOf(s: VmState, source: VersionSource): VmPlan {
  const generalized = source.facts.osState === 'Generalized';
  return {
    vmName: s.vmName!,
    resourceGroup: s.resourceGroup!,
    newResourceGroup: s.newResourceGroup === true,
    location: s.location!,
    size: s.size!,
    image: source.image,
    imageLabel: source.label,
    facts: source.facts,
    security: s.security!,
    adminUsername: generalized ? s.adminUsername : undefined,
    auth: !generalized ? undefined : s.authentication === 'ssh' ? { kind: 'ssh', publicKey: s.sshPublicKey ?? '' } : { kind: 'password' },
  };
}

async function openForms(forms: ReadonlyArray<[string, string]>): Promise<vscode.Uri[]> {
  const known = new Set(await vscode.languages.getLanguages());
  const uris: vscode.Uri[] = [];
  for (const [content, language] of forms) {
    // Bicep is a language only when the Bicep extension is installed.
    const doc = await vscode.workspace.openTextDocument({ content, language: known.has(language) ? language : 'plaintext' });
    await vscode.window.showTextDocument(doc, { preview: false, preserveFocus: uris.length > 0 });
    uris.push(doc.uri);
  }
  return uris;
}

export async function createVmFromVersion(explorer: Explorer, ...args: unknown[]): Promise<CreateVmReport | undefined> {
  const [first] = args;
  const options = (args.find(isOptionsObject) ?? {}) as CreateVmOptions;
  const node = isVersionNode(first) ? first : options.version ? await findVersionNode(explorer, options.version) : undefined;
  if (!node) throw new Error(`${CREATE_VM_TITLE}: run it on an image version in the tree (right-click the version), or give its id as { version }.`);
  const source = versionSource(node);
  const azure = explorer.azure();
  const state = stateOf(options, source);
  const sizesIn = new Map<string, Promise<VmSizeInfo[]>>();
  const sizes = (location: string) => {
    if (!sizesIn.has(location)) sizesIn.set(location, attempt(`list the VM sizes of ${location}`, () => azure.listVmSizes(source.target, location)));
    return sizesIn.get(location)!;
  };
  // Edit and Try Again finds the version by id, whether the command ran on a row or was given one.
  const again = { answers: { ...options, version: node.resourceId, prompter: undefined }, edit: true };
  const problems = problemsOf(state, source, options, state.location && state.size ? await sizes(state.location) : undefined);
  if (problems.length > 0) throw inputFailure(CREATE_VM_TITLE, problems, 'Nothing was written.', again);
  const steps = vmSteps({
    source,
    sizes,
    groups: () => attempt('list the resource groups', () => azure.listResourceGroups(source.target)),
    sshDirectory: options.sshDirectory,
    suggestName: () => suggestVmName(source.definitionName, source.facts.osType),
    ask: (key) => options.edit === true || state[key] === undefined,
  });
  if (steps.some((s) => s.when?.(state)) && !(await runWizard(CREATE_VM_TITLE, steps, state, prompterFor(options)))) return undefined;
  // An answer given up front may depend on one asked since (a size on the region picked).
  const late = problemsOf(state, source, options, await sizes(state.location!));
  if (late.length > 0) throw inputFailure(CREATE_VM_TITLE, late, 'Nothing was written.', again);
  const plan = planOf(state, source);
  const cli = vmAzureCli(plan);
  const bicep = vmBicep(plan);
  const arm = vmArmJson(plan);
  const documents = options.open === false ? [] : await openForms([[cli, 'shellscript'], [bicep, 'bicep'], [arm, 'json']]);
  if (options.deploy) return { plan, cli, bicep, arm, documents, deployment: await deployVm(explorer, source, plan, options.adminPassword, CREATE_VM_TITLE) };
  offerDeploy(plan, answersOf(state, node.resourceId));
  return { plan, cli, bicep, arm, documents };
}

/** The answers that write the same VM again without a prompt. */
function answersOf(s: VmState, version: string): CreateVmOptions {
  return {
    version,
    location: s.location,
    resourceGroup: s.resourceGroup,
    newResourceGroup: s.newResourceGroup === true,
    vmName: s.vmName,
    securityType: s.security,
    size: s.size,
    adminUsername: s.adminUsername,
    authentication: s.authentication,
    sshPublicKey: s.sshPublicKey,
  };
}

/** Deploy is offered, not done: the command runs again with the answers and `deploy`, so a failure takes the one failure path. */
function offerDeploy(plan: VmPlan, answers: CreateVmOptions): void {
  const action = `Deploy to ${plan.resourceGroup}…`;
  void notify('info', `Wrote VM ${plan.vmName} as Azure CLI, Bicep and ARM JSON.`, action).then((choice) => {
    if (choice === action) void vscode.commands.executeCommand('azureComputeGallery.createVmFromVersion', { ...answers, open: false, deploy: true });
  });
}
