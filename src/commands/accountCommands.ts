import * as vscode from 'vscode';
import { isSelected, readSubscriptionFilter, writeSubscriptionFilter } from '../auth/subscriptionFilter';
import type { AuthenticationMode } from '../auth/session';
import { SETTINGS_SECTION, SIGNED_OUT_KEY } from '../constants';
import { notify } from '../ui/notify';
import { PUBLIC_CLOUDS, validateEndpointUrl } from '../model/clouds';
import type { Explorer } from '../tree/explorer';

function requireSession(explorer: Explorer) {
  const session = explorer.session();
  if (!session) throw new Error('Sign-in is not configured.');
  return session;
}

/** What stays signed in after Sign Out, by sign-in method. */
const STILL_SIGNED_IN: Record<AuthenticationMode, string> = {
  vscode: 'Your Microsoft account stays signed in to VS Code for other extensions: sign it out from the Accounts menu to sign it out there too.',
  azureCli: 'The Azure CLI stays signed in: run `az logout` in a terminal to sign it out too.',
  servicePrincipal: "The service principal's environment variables are left as they are.",
};

export function accountCommands(explorer: Explorer) {
  return {
    'azureComputeGallery.signIn': async () => {
      const session = requireSession(explorer);
      await explorer.globalState.update(SIGNED_OUT_KEY, undefined);
      const signedIn = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Signing in to Azure…', cancellable: false },
        () => session.signIn(),
      );
      explorer.refreshAll();
      if (signedIn) void vscode.window.showInformationMessage(`Signed in: ${await session.describe()}`);
      return signedIn;
    },

    /**
     * Signs this extension out: the tree shows the sign-in until Sign In. The account itself is
     * not signed out everywhere: VS Code offers no sign-out to extensions (its Accounts menu does
     * it, for every extension using the account), and `az logout` belongs to the Azure CLI.
     */
    'azureComputeGallery.signOut': async () => {
      const session = requireSession(explorer);
      await explorer.globalState.update(SIGNED_OUT_KEY, true);
      explorer.resetSession();
      void notify('info', `Signed out of Azure in Azure Compute Gallery. ${STILL_SIGNED_IN[session.mode]}`);
      return true;
    },

    'azureComputeGallery.showSignInStatus': async () => {
      const session = requireSession(explorer);
      let state: string;
      try {
        state = (await session.isSignedIn()) ? 'Signed in' : 'Not signed in';
      } catch (error) {
        state = `Not signed in (${error instanceof Error ? error.message : String(error)})`;
      }
      const text = `${state} — ${await session.describe()}`;
      void vscode.window.showInformationMessage(text);
      return text;
    },

    /** `subscriptionIds`: choose without the quick pick (keybindings, tests); [] or all of them shows every one. */
    'azureComputeGallery.selectSubscriptions': async (options?: { subscriptionIds?: string[] }) => {
      const session = requireSession(explorer);
      if (options?.subscriptionIds) {
        const all = await session.listSubscriptions(false);
        const wanted = new Set(options.subscriptionIds.map((id) => id.toLowerCase()));
        const known = new Set(all.map((s) => s.subscriptionId.toLowerCase()));
        const unknown = options.subscriptionIds.filter((id) => !known.has(id.toLowerCase()));
        if (unknown.length > 0) throw new Error(`Choose among your subscriptions: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not one of them.`);
        const chosen = all.filter((s) => wanted.has(s.subscriptionId.toLowerCase())).map((s) => `${s.tenantId}/${s.subscriptionId}`);
        await writeSubscriptionFilter(chosen.length === all.length ? [] : chosen);
        explorer.refreshAll();
        return chosen;
      }
      const quickPick = vscode.window.createQuickPick<vscode.QuickPickItem & { entry: string }>();
      quickPick.title = 'Select Subscriptions';
      quickPick.placeholder = 'Loading subscriptions…';
      quickPick.canSelectMany = true;
      quickPick.matchOnDescription = true;
      quickPick.busy = true;
      quickPick.show();
      try {
        const all = await session.listSubscriptions(false);
        const filter = readSubscriptionFilter();
        quickPick.items = all.map((s) => ({ label: s.name, description: s.subscriptionId, detail: s.accountLabel, entry: `${s.tenantId}/${s.subscriptionId}` }));
        quickPick.selectedItems = quickPick.items.filter((i) => isSelected(filter, i.description ?? ''));
        quickPick.placeholder = all.length > 0 ? 'Choose the subscriptions to show (all selected shows every subscription)' : 'No subscriptions for this sign-in';
      } catch (error) {
        quickPick.dispose();
        throw error;
      } finally {
        quickPick.busy = false;
      }
      const chosen = await new Promise<string[] | undefined>((resolve) => {
        quickPick.onDidAccept(() => resolve(quickPick.selectedItems.map((i) => i.entry)));
        quickPick.onDidHide(() => resolve(undefined));
      });
      const total = quickPick.items.length;
      quickPick.dispose();
      if (!chosen) return undefined;
      if (chosen.length === 0) throw new Error('Select at least one subscription (select all of them to show every subscription).');
      await writeSubscriptionFilter(chosen.length === total ? [] : chosen);
      explorer.refreshAll();
      return chosen;
    },

    /** `cloud` (AzureCloud, AzureChinaCloud, AzureUSGovernment, Custom) and, for Custom, its endpoints: no prompts. */
    'azureComputeGallery.selectCloud': async (options?: { cloud?: string; resourceManagerEndpointUrl?: string; activeDirectoryEndpointUrl?: string }) => {
      if (options?.cloud) {
        const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
        if (options.cloud === 'Custom') {
          const problems = (['resourceManagerEndpointUrl', 'activeDirectoryEndpointUrl'] as const)
            .map((field) => validateEndpointUrl(field, options[field] ?? ''))
            .filter((p): p is string => p !== undefined);
          if (problems.length > 0) throw new Error(`${problems.join(' ')} Nothing was changed.`);
          const current = config.get<Record<string, string>>('customEnvironment') ?? {};
          await config.update(
            'customEnvironment',
            { ...current, resourceManagerEndpointUrl: options.resourceManagerEndpointUrl, activeDirectoryEndpointUrl: options.activeDirectoryEndpointUrl },
            vscode.ConfigurationTarget.Global,
          );
        } else if (!(options.cloud in PUBLIC_CLOUDS)) {
          throw new Error(`Choose one of ${Object.keys(PUBLIC_CLOUDS).join(', ')} or Custom, not ${options.cloud}.`);
        }
        await config.update('environment', options.cloud, vscode.ConfigurationTarget.Global);
        return options.cloud;
      }
      const items = [
        ...Object.values(PUBLIC_CLOUDS).map((c) => ({ label: c.displayName, description: c.name, value: c.name as string })),
        { label: 'Custom cloud…', description: 'Azure Stack Hub or the local Azure: your own endpoints', value: 'Custom' },
      ];
      const picked = await vscode.window.showQuickPick(items, { title: 'Select Cloud', placeHolder: 'Which Azure cloud do your galleries live in?' });
      if (!picked) return undefined;
      const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
      if (picked.value === 'Custom') {
        const current = config.get<Record<string, string>>('customEnvironment') ?? {};
        const ask = (field: string, prompt: string) =>
          vscode.window.showInputBox({
            title: `Custom cloud: ${field}`,
            prompt,
            value: current[field] ?? '',
            ignoreFocusOut: true,
            validateInput: (v) => validateEndpointUrl(field, v),
          });
        const resourceManagerEndpointUrl = await ask('resourceManagerEndpointUrl', 'The Azure Resource Manager endpoint, e.g. https://management.local.azurestack.external/');
        if (resourceManagerEndpointUrl === undefined) return undefined;
        const activeDirectoryEndpointUrl = await ask('activeDirectoryEndpointUrl', 'The sign-in authority, e.g. https://login.microsoftonline.com/');
        if (activeDirectoryEndpointUrl === undefined) return undefined;
        await config.update('customEnvironment', { ...current, resourceManagerEndpointUrl, activeDirectoryEndpointUrl }, vscode.ConfigurationTarget.Global);
      }
      await config.update('environment', picked.value, vscode.ConfigurationTarget.Global);
      return picked.value;
    },
  };
}
