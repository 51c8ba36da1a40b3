// Who uses an image, under plain Node against the in-process local Azure: one Resource Graph query
// over every subscription asked finds the VMs and scale sets of the demo seed by each reference
// form; Resource Graph's refusal comes back as an AzureError with its code and message.
import assert from 'node:assert/strict';
import { AzureError } from '../../../src/azure/errors';
import { findImageUsers, imageUsersQuery, kqlString } from '../../../src/azure/imageUsers';
import { usersOf } from '../../../src/model/usage';
import { DEMO_COMMUNITY_PUBLIC_NAME, DEVELOPMENT_SUBSCRIPTION_ID, PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/index';
import { startLocalAzure, type LocalAzure } from './localAzure';

const RG = `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourceGroups/rg-images/providers/Microsoft.Compute/galleries`;
const SUBSCRIPTIONS = [PRODUCTION_SUBSCRIPTION_ID, DEVELOPMENT_SUBSCRIPTION_ID];

describe('Azure layer: who uses an image (plain Node, local Azure in process)', () => {
  let azure: LocalAzure;
  before(async () => {
    azure = await startLocalAzure('demo');
  });
  after(() => azure?.stop());
  const target = () => azure.target(PRODUCTION_SUBSCRIPTION_ID);
  const graphRequests = (from: number) => azure.emu.traffic.slice(from).filter((t) => /Microsoft\.ResourceGraph\/resources/i.test(t.liveRequest.url));

  it('finds the users of a definition across subscriptions with one query: pinned and following latest', async () => {
    const from = azure.emu.traffic.length;
    const users = await findImageUsers(target(), SUBSCRIPTIONS, { id: `${RG}/contoso_images`, imageName: 'ubuntu-22.04-lts' });
    assert.equal(graphRequests(from).length, 1);
    const byName = Object.fromEntries(users.map((u) => [u.name, u]));
    assert.deepEqual(Object.keys(byName).sort(), ['vm-dev-ubuntu', 'vm-web-01', 'vmss-web']);
    assert.equal(byName['vm-web-01']!.kind, 'virtualMachine');
    assert.equal(byName['vm-web-01']!.version, '1.0.0');
    assert.equal(byName['vm-dev-ubuntu']!.subscriptionId, DEVELOPMENT_SUBSCRIPTION_ID);
    assert.equal(byName['vmss-web']!.kind, 'scaleSet');
    assert.equal(byName['vmss-web']!.version, undefined, 'a definition id follows latest');
    assert.equal(byName['vmss-web']!.resourceGroup.toLowerCase(), 'rg-workloads');
    // 1.0.0 is what latest resolves to in the seed: the follower counts for it; 1.1.0 has none.
    assert.equal(usersOf(users, { imageName: 'ubuntu-22.04-lts', version: '1.0.0', isLatest: true }).length, 3);
    assert.equal(usersOf(users, { imageName: 'ubuntu-22.04-lts', version: '1.1.0', isLatest: false }).length, 0);
  });

  it('a gallery scope finds every definition’s users; /versions/latest follows latest', async () => {
    const users = await findImageUsers(target(), SUBSCRIPTIONS, { id: `${RG}/contoso_images` });
    assert.deepEqual(users.map((u) => u.name).sort(), ['vm-app-win', 'vm-dev-ubuntu', 'vm-web-01', 'vmss-web']);
    assert.equal(users.find((u) => u.name === 'vm-app-win')!.version, undefined);
  });

  it('finds users through a direct share’s unique name and a community public name', async () => {
    const shared = await findImageUsers(target(), SUBSCRIPTIONS, { id: `${RG}/contoso_shared`, uniqueName: `${PRODUCTION_SUBSCRIPTION_ID}-CONTOSO_SHARED` });
    assert.deepEqual(shared.map((u) => [u.name, u.form, u.version]), [['vmss-dev-rhel', 'shared', '9.4.0']]);
    const community = await findImageUsers(target(), SUBSCRIPTIONS, { id: `${RG}/contoso_community`, publicNames: [DEMO_COMMUNITY_PUBLIC_NAME] });
    assert.deepEqual(community.map((u) => [u.name, u.form, u.version]), [['vm-dev-debian', 'community', undefined]]);
  });

  it('only the subscriptions asked are searched; none asked sends nothing', async () => {
    const users = await findImageUsers(target(), [PRODUCTION_SUBSCRIPTION_ID], { id: `${RG}/contoso_images`, imageName: 'ubuntu-22.04-lts' });
    assert.deepEqual(users.map((u) => u.name).sort(), ['vm-web-01', 'vmss-web']);
    const from = azure.emu.traffic.length;
    assert.deepEqual(await findImageUsers(target(), [], { id: `${RG}/contoso_images` }), []);
    assert.equal(graphRequests(from).length, 0);
  });

  it('writes one query with case-insensitive prefixes, quotes escaped', () => {
    const q = imageUsersQuery({ id: `${RG}/g`, uniqueName: 'u', publicNames: ['p'], imageName: 'img' });
    assert.match(q, /type in~ \('microsoft\.compute\/virtualmachines', 'microsoft\.compute\/virtualmachinescalesets'\)/);
    assert.match(q, /imageId startswith '.*\/galleries\/g\/images\/img' or sharedImageId startswith '\/SharedGalleries\/u\/Images\/img' or communityImageId startswith '\/CommunityGalleries\/p\/Images\/img'/);
    assert.equal(kqlString("a'b\\c"), "'a\\'b\\\\c'");
  });

  it('Resource Graph’s refusal comes back with its code and message', async () => {
    azure.emu.admin.setConfig({ faults: [{ kind: 'error', status: 400, code: 'BadRequest', message: 'Injected: query refused', path: 'Microsoft.ResourceGraph/resources$' }] });
    try {
      await assert.rejects(findImageUsers(target(), SUBSCRIPTIONS, { id: `${RG}/contoso_images` }), (e: unknown) => {
        assert.ok(e instanceof AzureError);
        assert.equal(e.code, 'BadRequest');
        assert.match(e.message, /Injected: query refused/);
        return true;
      });
    } finally {
      azure.emu.admin.setConfig({ faults: [] });
    }
  });
});
