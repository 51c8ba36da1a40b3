// As code in the extension host: a summary's "Copy as …" puts exactly what is about to be sent on the
// clipboard (and the flow goes on), and "Export as …" opens a gallery, with everything in it, in an
// untitled editor in the form's language.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Gallery } from '../../src/azure/types';
import { CANCEL, PRODUCTION, ScriptedPrompter, UBUNTU_ID, emulatorState, resource, useDemoSession, type ScriptedAnswer } from './createHelpers';
import { item, nodeAt } from './helpers';
import { assertNoProblems, writes, clearRequestLog } from './shareHelpers';

const run = <T>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T | undefined>(`azureComputeGallery.${command}`, ...args);
const GALLERY = `/subscriptions/${PRODUCTION}/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/contoso_images`;
const COPY = { cli: { pick: /^Copy as Azure CLI$/ }, bicep: { pick: /^Copy as Bicep$/ }, arm: { pick: /^Copy as ARM JSON$/ } };

interface Template {
  resources: { type: string; name: string; apiVersion: string; dependsOn?: string[]; location?: string; properties: Record<string, unknown> }[];
}

describe('As code (extension host, local Azure)', () => {
  useDemoSession();
  const copied: string[] = [];
  /** When the summary shows again after a copy: read the clipboard, then answer `next`. */
  const thenRead = (next: ScriptedAnswer): ScriptedAnswer => async () => {
    copied.push(await vscode.env.clipboard.readText());
    return next;
  };
  beforeEach(() => {
    copied.length = 0;
  });

  it("Create Gallery's summary copies the gallery as Azure CLI, ARM JSON and Bicep, then creates exactly that", async () => {
    await vscode.env.clipboard.writeText('');
    const prompter = new ScriptedPrompter([
      'Contoso Production', 'rg-images', 'code_gallery', 'East US', "Made with 'Copy as'", { accept: true },
      COPY.cli, thenRead(COPY.arm), thenRead(COPY.bicep), thenRead({ pick: /^Create gallery$/ }),
    ]);
    const gallery = await run<Gallery>('createGallery', { prompter });
    assertNoProblems(prompter);
    assert.ok(gallery);
    const [cli, arm, bicep] = copied;
    const id = `/subscriptions/${PRODUCTION}/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/code_gallery`;
    assert.match(cli, new RegExp(`^az resource create --id '${id}' --api-version 2025-12-03 --is-full-object --properties '\\{`, 'm'));
    assert.ok(cli.includes(`"description": "Made with '\\''Copy as'\\''"`), cli);
    const template = JSON.parse(arm) as Template;
    assert.deepEqual(template.resources, [{ type: 'Microsoft.Compute/galleries', apiVersion: '2025-12-03', name: 'code_gallery', location: 'eastus', properties: { description: "Made with 'Copy as'" } }]);
    assert.ok(bicep.startsWith("resource gallery_code_gallery 'Microsoft.Compute/galleries@2025-12-03' = {\n  name: 'code_gallery'\n  location: 'eastus'\n"), bicep);
    assert.ok(bicep.includes("description: 'Made with \\'Copy as\\''"), bicep);
    const stored = resource(await emulatorState(), id);
    assert.equal(stored?.properties.description, "Made with 'Copy as'", 'what was copied is what was created');
  });

  it("Update Image Definition's summary copies the PATCH as Azure CLI and the definition as it will be as ARM JSON; nothing is sent", async () => {
    const definition = await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts');
    await clearRequestLog();
    const prompter = new ScriptedPrompter([{ pickMany: ['Description'] }, 'Copied, not saved', COPY.cli, thenRead(COPY.arm), thenRead(CANCEL)]);
    assert.equal(await run('updateImageDefinition', definition, { prompter }), undefined);
    const [cli, arm] = copied;
    assert.ok(cli.includes(`az rest --method patch --url '${UBUNTU_ID}?api-version=2025-12-03' --body '{\n  "properties": {\n    "description": "Copied, not saved"\n  }\n}'`), cli);
    const [whole] = (JSON.parse(arm) as Template).resources;
    assert.equal(whole.name, 'contoso_images/ubuntu-22.04-lts');
    assert.equal(whole.properties.description, 'Copied, not saved');
    assert.equal(whole.properties.osType, 'Linux', 'a template holds the whole definition, the change merged in');
    assert.equal('provisioningState' in whole.properties, false);
    assert.deepEqual(await writes(), [], 'copying sends nothing');
  });

  it("Share with Subscriptions or Tenants' summary copies the switch and the /share action as Azure CLI; a template is refused, saying why", async () => {
    const tenant = '77777777-6666-4555-8444-333333333334';
    await clearRequestLog();
    const prompter = new ScriptedPrompter([{ pickMany: ['Other tenants…'] }, tenant, COPY.bicep, COPY.cli, thenRead(CANCEL)]);
    assert.equal(await run('addSharingGroups', await nodeAt('Contoso Production', 'contoso_images'), { prompter }), undefined);
    assert.deepEqual(prompter.refusals.map((r) => r.reason), ['Sharing is an action on the gallery (POST …/share) that a template cannot hold: copy it as Azure CLI.']);
    const [cli] = copied;
    const patch = cli.indexOf(`az rest --method patch --url '${GALLERY}?api-version=2025-12-03' --body '{\n  "properties": {\n    "sharingProfile": {\n      "permissions": "Groups"`);
    const share = cli.indexOf(`az rest --method post --url '${GALLERY}/share?api-version=2025-12-03' --body '{\n  "operationType": "Add",\n  "groups": [\n    {\n      "type": "AADTenants",\n      "ids": [\n        "${tenant}"`);
    assert.ok(patch >= 0 && share > patch, `the private gallery is switched first, then shared:\n${cli}`);
    assert.deepEqual(await writes(), [], 'copying sends nothing');
  });

  it('Export as ARM JSON, Bicep and Azure CLI open a gallery with its definitions and versions in an editor', async () => {
    const gallery = await nodeAt('Contoso Production', 'contoso_images');
    const arm = await run<vscode.TextDocument>('exportAsArmJson', gallery);
    assert.ok(arm);
    assert.equal(arm.languageId, 'json');
    assert.equal(arm.isUntitled, true);
    assert.equal(vscode.window.activeTextEditor?.document, arm, 'shown in the editor');
    const resources = (JSON.parse(arm.getText()) as Template).resources;
    assert.equal(resources[0].name, 'contoso_images');
    assert.ok(resources.some((r) => r.name === 'contoso_images/ubuntu-22.04-lts/1.0.0' && r.dependsOn?.[0] === "[resourceId('Microsoft.Compute/galleries/images', 'contoso_images', 'ubuntu-22.04-lts')]"));
    assert.ok(resources.every((r) => !JSON.stringify(r).includes('provisioningState') && !JSON.stringify(r).includes('replicationStatus')));
    const bicep = await run<vscode.TextDocument>('exportAsBicep', gallery);
    assert.ok(bicep);
    assert.ok(['bicep', 'plaintext'].includes(bicep.languageId), bicep.languageId);
    assert.match(bicep.getText(), /^resource version_1_0_0 'Microsoft\.Compute\/galleries\/images\/versions@2025-12-03' = \{\n {2}parent: image_ubuntu_22_04_lts\n/m);
    const version = await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts', '1.0.0');
    const cli = await run<vscode.TextDocument>('exportAsAzureCli', version);
    assert.ok(cli);
    assert.equal(cli.languageId, 'shellscript');
    assert.equal(cli.getText().match(/^az resource create/gm)?.length, 1, 'a version alone');
    assert.ok(cli.getText().includes(`--id '${UBUNTU_ID}/versions/1.0.0'`));
    // Untitled and unsaved: closed without the "Save?" dialog.
    for (const document of [arm, bicep, cli]) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('Export is offered on VM application and application-version rows; an application exports with its versions as az sig commands', async () => {
    const contributes = (vscode.extensions.getExtension('azure-compute-gallery-vscode.azure-compute-gallery')!.packageJSON as { contributes: { menus: Record<string, Array<{ command: string; when: string }>> } }).contributes;
    const menus = contributes.menus['view/item/context']!;
    const app = await nodeAt('Contoso Development', 'dev_gallery', 'VM Applications', 'monitoring-agent');
    const version = await nodeAt('Contoso Development', 'dev_gallery', 'VM Applications', 'monitoring-agent', '1.0.0');
    for (const node of [app, version]) {
      const context = (await item(node)).contextValue!;
      for (const form of ['exportAsBicep', 'exportAsArmJson', 'exportAsAzureCli']) {
        const when = menus.find((m) => m.command === `azureComputeGallery.${form}`)!.when;
        assert.ok(new RegExp(/viewItem =~ \/(.*)\/$/.exec(when)![1]!).test(context), `${form} on ${context}`);
      }
    }
    const groupContext = (await item(await nodeAt('Contoso Development', 'dev_gallery', 'VM Applications'))).contextValue!;
    assert.ok(!new RegExp(/viewItem =~ \/(.*)\/$/.exec(menus.find((m) => m.command === 'azureComputeGallery.exportAsBicep')!.when)![1]!).test(groupContext), 'not on the VM Applications row');

    const cli = await run<vscode.TextDocument>('exportAsAzureCli', app);
    assert.ok(cli);
    const text = cli.getText();
    assert.match(text, /^az sig gallery-application create \\\n {2}--subscription '[^']+' \\\n {2}-g 'rg-dev' \\\n {2}-r 'dev_gallery' \\\n {2}-n 'monitoring-agent' \\\n {2}--os-type 'Linux'/m);
    assert.match(text, /^az sig gallery-application version create \\\n(.*\n)* {2}-n '1\.0\.0' \\\n {2}--package-file-link 'https:\/\/contosoartifacts\.blob\.core\.windows\.net\/apps\/monitoring-agent-1\.0\.0\.tar\.gz'/m);
    const arm = await run<vscode.TextDocument>('exportAsArmJson', version);
    assert.ok(arm);
    const resources = (JSON.parse(arm.getText()) as Template).resources;
    assert.deepEqual(resources.map((r) => r.name), ['dev_gallery/monitoring-agent/1.0.0']);
    for (const document of [cli, arm]) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
