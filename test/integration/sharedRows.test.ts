// Issue 18 items 4 and 6: what the rows of "Shared with me", "Community" and owned galleries say,
// read from the TreeItems the extension hands VS Code, against the local Azure's demo seed.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Gallery } from '../../src/azure/types';
import type { ExplorerNode } from '../../src/tree/explorerProvider';
import { arm, putAndWait } from './armHelpers';
import { useDemoSession } from './createHelpers';
import { child, children, eventually, extensionApi, item, labelOf, labels, nodeAt, refreshAll, tooltipText } from './helpers';
import { DEVELOPMENT_SUBSCRIPTION_ID, FABRIKAM_TENANT_ID, SHARED_ID } from './shareHelpers';

const DEMO_PUBLIC_NAME = 'ContosoPublic-5c3f9a1e-7b2d-4e8f-9a6b-1d2c3e4f5a6b';
const RG_IMAGES = SHARED_ID.slice(0, SHARED_ID.indexOf('/providers/'));
const NEW_COMMUNITY_ID = `${RG_IMAGES}/providers/Microsoft.Compute/galleries/rows_community`;

/** A tooltip's Markdown with its escapes removed: the text the user reads. */
const plain = (i: vscode.TreeItem) => tooltipText(i).replace(/\\(.)/g, '$1');

/** The tree item as VS Code shows it on hover: resolveTreeItem fills a tooltip left unset. */
async function hovered(node: ExplorerNode): Promise<vscode.TreeItem> {
  const api = await extensionApi();
  return api.explorer.provider.resolveTreeItem(await item(node), node, new vscode.CancellationTokenSource().token);
}

describe('rows that say what matters: Shared with me, Community, sharing words (extension host, local Azure)', () => {
  const ui = useDemoSession({ replicationMs: 200 });

  it('shows a gallery shared in two regions as one row led by its name, with its owner and both regions', async () => {
    const rows = await children(await nodeAt('Shared with me'));
    const names = await labels(rows);
    // contoso_shared is replicated to eastus and westeurope, Fabrikam's gallery to westus2 and eastus.
    assert.deepEqual(names, ['CONTOSO_SHARED', 'FABRIKAM_PARTNER_IMAGES'], 'one row per gallery, not one per region');
    const contoso = await item(rows[0]);
    assert.equal(contoso.description, 'Contoso Production · eastus, westeurope', 'the owner subscription by name: the user can see it');
    assert.match(plain(contoso), /Shared by subscription: Contoso Production \(`00000000-0000-4000-8000-00000000a001`\)/);
    assert.match(plain(contoso), /Shared with: Contoso Development/);
    assert.match(plain(contoso), /Regions: eastus, westeurope/);
    const fabrikam = await item(rows[1]);
    assert.equal(fabrikam.description, 'subscription 00000000… · eastus, westus2', 'an owner the user cannot see goes by a short id');
    assert.match(plain(fabrikam), /Unique name: `00000000-0000-4000-8000-00000000b001-FABRIKAM_PARTNER_IMAGES`/);
    // Its definitions list from one of the regions, in the same plain words as owned ones.
    const image = await child(rows[1], 'windows-2022-hardened');
    const imageItem = await item(image);
    assert.equal(imageItem.description, 'Windows · Gen2 · Trusted launch');
    assert.match(plain(imageItem), /OS: Windows \(Generalized\) · Gen2 · x64 · Trusted launch/);
    assert.deepEqual(await labels(await children(image)), ['3.2.1']);
  });

  it('marks the version "latest" resolves to in a shared definition, skipping one excluded from latest', async () => {
    const base = `${SHARED_ID}/images/rhel-9/versions`;
    const existing = await arm('GET', `${base}/9.4.0`);
    const source = (existing.properties as { storageProfile: { source: unknown } }).storageProfile.source;
    const version = (excludeFromLatest: boolean) => ({
      location: 'eastus',
      properties: { publishingProfile: { targetRegions: [{ name: 'eastus', regionalReplicaCount: 1 }], excludeFromLatest }, storageProfile: { source } },
    });
    await putAndWait(`${base}/9.5.0`, version(true));
    await putAndWait(`${base}/9.4.1`, version(false));
    await refreshAll();
    const definition = await nodeAt('Shared with me', 'CONTOSO_SHARED', 'rhel-9');
    const versions = await children(definition);
    assert.deepEqual(await labels(versions), ['9.5.0', '9.4.1', '9.4.0']);
    const [excluded, latest, older] = await Promise.all(versions.map(item));
    assert.equal(excluded.description, 'excluded from latest');
    assert.equal(latest.description, 'latest');
    assert.equal((latest.iconPath as vscode.ThemeIcon).id, 'star-full');
    assert.match(plain(latest), /New VMs asking for "latest" get this version\./);
    assert.equal(older.description, '');
    assert.equal((older.iconPath as vscode.ThemeIcon).id, 'tag');
  });

  it('lists whom a direct-shared gallery is shared with on hover: the tooltip is left for VS Code to resolve', async () => {
    const gallery = await nodeAt('Contoso Production', 'contoso_shared');
    // VS Code asks resolveTreeItem only for a tooltip that is unset; one set here would be kept as is.
    assert.equal((await item(gallery)).tooltip, undefined);
    const shown = await hovered(gallery);
    assert.match(plain(shown), new RegExp(`Shared with subscription: Contoso Development \\(\`${DEVELOPMENT_SUBSCRIPTION_ID}\`\\)`));
    assert.match(plain(shown), new RegExp(`Shared with tenant: Fabrikam \\(\`${FABRIKAM_TENANT_ID}\`\\)`), 'the tenant by the name Azure gives it');
    assert.equal(shown.description, 'eastus · Direct share');
    assert.match(plain(await item(gallery)), /Shared with subscription: Contoso Development/, 'once read, the row keeps it');
  });

  it('tells a community gallery before publishing from after, with its public publisher details', async () => {
    await putAndWait(NEW_COMMUNITY_ID, {
      location: 'eastus',
      properties: {
        sharingProfile: {
          permissions: 'Community',
          communityGalleryInfo: { publisherUri: 'https://rows.contoso.example/', publisherContact: 'rows@contoso.example', eula: 'https://rows.contoso.example/eula', publicNamePrefix: 'ContosoRows' },
        },
      },
    });
    await refreshAll();
    const before = await item(await nodeAt('Contoso Production', 'rows_community'));
    assert.equal(before.description, 'eastus · Community, not published');
    assert.equal(before.contextValue, 'acg.gallery.community.unpublished');
    assert.equal((before.iconPath as vscode.ThemeIcon).color?.id, 'disabledForeground');
    assert.match(plain(before), /Not published yet: Share Publicly… makes it public/);
    assert.match(plain(before), /Publisher e-mail: rows@contoso.example/);
    assert.match(plain(before), /Publisher website: https:\/\/rows.contoso.example\//);
    assert.match(plain(before), /Legal agreement: https:\/\/rows.contoso.example\/eula/);

    const published = await vscode.commands.executeCommand<Gallery | undefined>('azureComputeGallery.sharePublicly', { gallery: NEW_COMMUNITY_ID, confirmed: true });
    assert.equal(published?.community?.enabled, true);
    await ui.waitFor('info', /^rows_community is public/);
    const after = await eventually(async () => {
      const shown = await item(await nodeAt('Contoso Production', 'rows_community'));
      assert.equal(shown.description, 'eastus · Community');
      return shown;
    });
    assert.equal(after.contextValue, 'acg.gallery.community');
    assert.equal((after.iconPath as vscode.ThemeIcon).color, undefined);
    assert.match(plain(after), /Published: every Azure user can find it by its public name/);
    assert.match(plain(after), /Public names: `ContosoRows-[0-9a-f-]{36}`/);
    assert.match(plain(after), /Publisher e-mail: rows@contoso.example/);
  });

  it('shows a community gallery added by public name with its publisher e-mail, website and legal agreement', async () => {
    await vscode.commands.executeCommand('azureComputeGallery.addCommunityGallery', DEMO_PUBLIC_NAME, 'eastus');
    try {
      const gallery = await nodeAt('Community', DEMO_PUBLIC_NAME);
      assert.equal((await item(gallery)).tooltip, undefined, 'read from Azure on hover');
      const shown = await hovered(gallery);
      assert.match(plain(shown), /Publisher e-mail: images@contoso.example/);
      assert.match(plain(shown), /Publisher website: https:\/\/contoso.example\/images/);
      assert.match(plain(shown), /Legal agreement: https:\/\/contoso.example\/images\/eula/);
      const image = await item(await child(gallery, 'debian-12'));
      assert.equal(image.description, 'Linux · Gen2', 'Standard security is the common case: not named on the row');
      const versions = await children(await child(gallery, 'debian-12'));
      assert.equal((await item(versions[0])).description, 'latest', 'the only version is latest');
      assert.equal(labelOf(await item(versions[0])), '1.0.0');
    } finally {
      await vscode.commands.executeCommand('azureComputeGallery.removeCommunityGallery', await nodeAt('Community', DEMO_PUBLIC_NAME));
    }
  });
});
