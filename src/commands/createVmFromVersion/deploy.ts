// Deploy: the ARM JSON form sent as a template deployment to the VM's resource group (Deployments -
// Create Or Update through src/azure/asCode.ts `deployTemplate`, which waits for the outcome), with
// progress; a new resource group is created first. The outcome is told either way: Succeeded with
// what was written, Failed with Azure's error through the one failure path.
import * as vscode from 'vscode';
import { validateAdminPassword, vmArmTemplate, type VmPlan } from '../../model/vmFromVersion';
import type { Explorer } from '../../tree/explorer';
import { attempt, azureFailure, inputFailure } from '../../ui/failures';
import { notify } from '../../ui/notify';
import type { DeploymentOutcome } from '../../azureChunk';
import type { VersionSource } from './source';

/** Deployment names: 1–64 of `[-\w._()]` (Deployments - Create Or Update). */
export function deploymentName(plan: VmPlan, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  return `${plan.vmName}-${stamp}`.replace(/[^-\w.()]/g, '-').slice(0, 64);
}

/** The admin password a password VM's deployment needs: given, or typed (masked) now; never stored. */
async function passwordFor(plan: VmPlan, given: string | undefined, title: string): Promise<string | undefined> {
  if (plan.auth?.kind !== 'password' || plan.facts.osState === 'Specialized') return undefined;
  if (given !== undefined) return given;
  return vscode.window.showInputBox({
    title: `${title}: admin password`,
    prompt: `The password of ${plan.adminUsername ?? 'the admin user'} (sent with the deployment only)`,
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => validateAdminPassword(v, plan.facts.osType),
  });
}

export async function deployVm(explorer: Explorer, source: VersionSource, plan: VmPlan, given: string | undefined, title: string): Promise<DeploymentOutcome | undefined> {
  const password = await passwordFor(plan, given, title);
  if (plan.auth?.kind === 'password' && plan.facts.osState !== 'Specialized') {
    if (password === undefined) return undefined;
    const problem = validateAdminPassword(password, plan.facts.osType);
    if (problem) throw inputFailure(title, [`Password: ${problem}`], 'Nothing was deployed.');
  }
  const azure = explorer.azure();
  const name = deploymentName(plan);
  const where = `${plan.resourceGroup} (${plan.location})`;
  const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Deploying VM ${plan.vmName} to ${where}…` }, async () => {
    if (plan.newResourceGroup) await attempt(`create resource group "${plan.resourceGroup}"`, () => azure.createResourceGroup(source.target, plan.resourceGroup, plan.location));
    return attempt(`deploy VM "${plan.vmName}" to ${where}`, () =>
      azure.deployTemplate(source.target, plan.resourceGroup, name, vmArmTemplate(plan), password === undefined ? {} : { adminPassword: password }),
    );
  });
  if (outcome.provisioningState !== 'Succeeded') {
    // ARM's DeploymentFailed only says that a resource failed; the resource's own error says why.
    const reason = outcome.error?.details?.[0];
    const failed = reason?.target ? `, ${reason.target.split('/').slice(-2).join(' ')}` : '';
    throw azureFailure(
      `deploy VM "${plan.vmName}" to ${where} (deployment ${name}, ${outcome.provisioningState}${outcome.error?.code ? ` ${outcome.error.code}` : ''}${failed})`,
      reason ?? outcome.error ?? { message: `The deployment ended ${outcome.provisioningState}.` },
    );
  }
  void notify('info', `Deployed VM ${plan.vmName} to ${where}: ${outcome.outputResources.length} resources written (deployment ${name}).`);
  return outcome;
}
