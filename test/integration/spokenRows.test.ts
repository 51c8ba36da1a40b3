// Every tree row VS Code draws carries words a screen reader can say (issue 19 item 4): its kind,
// its name and its state, with none of the terse symbols the row shows ("·", "2/3", "%", "×").
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import type { ExplorerNode } from '../../src/tree/explorerProvider';
import { useDemoSession } from './createHelpers';
import { children, extensionApi, nodeAt } from './helpers';

async function drawn(node: ExplorerNode): Promise<vscode.TreeItem> {
  return (await extensionApi()).explorer.provider.getTreeItem(node);
}

describe('Accessible rows (extension host, local Azure)', () => {
  useDemoSession();

  it('gives every row from subscriptions down to regions a spoken label without symbols', async () => {
    const subscription = await nodeAt('Contoso Production');
    const gallery = await nodeAt('Contoso Production', 'contoso_images');
    const definition = await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts');
    const versions = await children(definition);
    const regions = await children(versions[versions.length - 1]);
    const rows = [subscription, gallery, definition, ...versions, ...regions];
    const spoken: string[] = [];
    for (const row of rows) {
      const label = (await drawn(row)).accessibilityInformation?.label ?? '';
      assert.ok(label, 'every row has a spoken label');
      assert.doesNotMatch(label, /·|\d+\/\d+|%|×|\$\(/, `no symbols in "${label}"`);
      spoken.push(label);
    }
    assert.match(spoken[0], /^Contoso Production, subscription/);
    assert.match(spoken[1], /^contoso_images, gallery, eastus, Private/);
    assert.match(spoken[2], /^ubuntu-22\.04-lts, image definition, Linux, generation 2, Trusted launch supported/);
    assert.ok(spoken.some((s) => /^\d+\.\d+\.\d+, image version/.test(s)), spoken.join(' | '));
    assert.ok(spoken.some((s) => /, region(,|$)/.test(s)), `a region row: ${spoken.join(' | ')}`);
  });
});
