import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXPLORER_VIEW_ID, EXTENSION_ID } from '../../src/constants';
import type { ExtensionApi } from '../../src/extension';

describe('activation', () => {
  const extension = () => {
    const ext = vscode.extensions.getExtension<ExtensionApi | undefined>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is loaded`);
    return ext;
  };

  it('is not activated at start-up (only by its view or its commands)', () => {
    assert.equal(extension().isActive, false);
  });

  it('activates when one of its commands runs, and registers every contributed command', async () => {
    await vscode.commands.executeCommand('azureComputeGallery.refresh');
    const ext = extension();
    assert.equal(ext.isActive, true);
    const contributed = (ext.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], 'every command in package.json is registered');
    assert.ok(contributed.length >= 3);
  });

  it('loads the command handlers on the first command, not at activation, with a handler for every contributed command', () => {
    const ext = extension();
    const api = ext.exports;
    assert.ok(api);
    assert.equal(api.commandsLoadedAtActivation, false, 'activate() leaves dist/commands.js for the first command');
    const contributed = (ext.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command);
    const handled = new Set(api.commandHandlerIds());
    assert.deepEqual(contributed.filter((c) => !handled.has(c)), [], 'dist/commands.js handles every contributed command');
    assert.deepEqual([...handled].filter((c) => !contributed.includes(c)), [], 'and no command that is not contributed');
  });

  it('returns its API to the tests (test mode) and the explorer shows no nodes while signed out', async () => {
    const api = extension().exports;
    assert.ok(api, 'the API is exported in ExtensionMode.Test');
    assert.ok(api.explorer, 'the explorer provider is exposed');
    assert.deepEqual(await api.explorer.provider.getChildren(), []);
    assert.ok(api.activationMs >= 0);
  });

  it('contributes the explorer view in its own activity-bar container', () => {
    const pkg = extension().packageJSON as {
      contributes: { views: Record<string, { id: string }[]>; viewsContainers: { activitybar: { id: string; title: string }[] } };
    };
    assert.deepEqual(pkg.contributes.viewsContainers.activitybar.map((c) => c.title), ['Azure Compute Gallery']);
    assert.deepEqual(pkg.contributes.views.azureComputeGallery.map((v) => v.id), [EXPLORER_VIEW_ID]);
  });

  it('opens the view through the command VS Code generates for it', async () => {
    await vscode.commands.executeCommand(`${EXPLORER_VIEW_ID}.focus`);
    // The focus command resolves once the view container is shown; the explorer then exists.
    assert.equal(extension().isActive, true);
  });
});
