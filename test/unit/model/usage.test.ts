import assert from 'node:assert/strict';
import { parseImageReference, usageWarning, usersInWords, usersOf, userVia, noUsersLine, type GalleryNames, type ImageUser } from '../../../src/model/usage';

const G = '/subscriptions/s1/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/contoso_images';
const gallery: GalleryNames = { id: G, uniqueName: 's1-CONTOSO_IMAGES', publicNames: ['ContosoPublic-1234'] };

function user(name: string, kind: ImageUser['kind'], reference: string): ImageUser {
  const parsed = parseImageReference(reference, gallery);
  assert.ok(parsed, reference);
  return { id: `/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/x/${name}`, name, kind, resourceGroup: 'rg', subscriptionId: 's1', reference, ...parsed };
}

describe('model/usage', () => {
  it('reads the three reference forms, a version or the definition (= latest), in any case', () => {
    assert.deepEqual(parseImageReference(`${G}/images/ubuntu/versions/1.0.0`, gallery), { form: 'id', imageName: 'ubuntu', version: '1.0.0' });
    assert.deepEqual(parseImageReference(`${G.toLowerCase()}/IMAGES/ubuntu`, gallery), { form: 'id', imageName: 'ubuntu', version: undefined });
    assert.deepEqual(parseImageReference(`${G}/images/ubuntu/versions/latest`, gallery), { form: 'id', imageName: 'ubuntu', version: undefined });
    assert.deepEqual(parseImageReference('/SharedGalleries/S1-contoso_images/Images/ubuntu/Versions/2.0.0', gallery), { form: 'shared', imageName: 'ubuntu', version: '2.0.0' });
    assert.deepEqual(parseImageReference('/CommunityGalleries/ContosoPublic-1234/Images/ubuntu/Versions/latest', gallery), { form: 'community', imageName: 'ubuntu', version: undefined });
  });

  it('ignores other galleries, a longer gallery name, and what is not an image', () => {
    assert.equal(parseImageReference(`${G}2/images/ubuntu`, gallery), undefined);
    assert.equal(parseImageReference(`${G}/images/`, gallery), undefined);
    assert.equal(parseImageReference(`${G}/images/ubuntu/versions/1.0.0/extra`, gallery), undefined);
    assert.equal(parseImageReference('/SharedGalleries/other/Images/ubuntu/Versions/1.0.0', gallery), undefined);
    assert.equal(parseImageReference('/SharedGalleries/x/Images/ubuntu', { id: G }), undefined);
  });

  const users = [
    user('vm-pinned', 'virtualMachine', `${G}/images/ubuntu/versions/1.0.0`),
    user('vmss-latest', 'scaleSet', `${G}/images/Ubuntu`),
    user('vm-old', 'virtualMachine', `${G}/images/ubuntu/versions/0.9.0`),
    user('vmss-shared', 'scaleSet', '/SharedGalleries/s1-CONTOSO_IMAGES/Images/ubuntu/Versions/1.0.0'),
    user('vm-windows', 'virtualMachine', `${G}/images/windows/versions/1.0.0`),
  ];

  it('a definition counts every user of it; a version its pins, and the followers of latest only when it is latest', () => {
    assert.deepEqual(usersOf(users, { imageName: 'ubuntu' }).map((u) => `${u.name}:${u.via}`), ['vm-old:pinned', 'vm-pinned:pinned', 'vmss-latest:latest', 'vmss-shared:pinned']);
    assert.deepEqual(usersOf(users, { imageName: 'ubuntu', version: '1.0.0', isLatest: true }).map((u) => u.name), ['vm-pinned', 'vmss-latest', 'vmss-shared']);
    assert.deepEqual(usersOf(users, { imageName: 'ubuntu', version: '1.0.0', isLatest: false }).map((u) => u.name), ['vm-pinned', 'vmss-shared']);
    assert.deepEqual(usersOf(users, { imageName: 'ubuntu', version: '2.0.0' }), []);
  });

  it('says how each one uses it, and counts them in words', () => {
    const [pinned, latest, shared] = usersOf(users, { imageName: 'ubuntu', version: '1.0.0', isLatest: true });
    assert.equal(userVia(pinned), 'pins 1.0.0');
    assert.equal(userVia(latest), 'follows latest');
    assert.equal(userVia(shared), 'pins 1.0.0, through the direct share');
    assert.equal(usersInWords(users), '3 VMs and 2 scale sets');
    assert.equal(usersInWords(users.slice(0, 1)), '1 VM');
    assert.equal(usersInWords([]), 'no VMs or scale sets');
    assert.equal(noUsersLine('image version 1.0.0 of ubuntu', 2), 'No VMs or scale sets use image version 1.0.0 of ubuntu in the 2 selected subscriptions.');
  });

  it('warns before a delete how many use it and that pinned scale sets cannot scale out', () => {
    const v = usersOf(users, { imageName: 'ubuntu', version: '1.0.0', isLatest: true });
    const text = usageWarning('deleteVersion', v, 'image version 1.0.0 of ubuntu', 3)!;
    assert.match(text, /^1 VM and 2 scale sets in the 3 selected subscriptions use image version 1\.0\.0 of ubuntu \(2 pin it, 1 follows latest\)\./);
    assert.match(text, /fail to scale out/);
    assert.match(text, /next latest/);
    const d = usageWarning('deleteDefinition', usersOf(users, { imageName: 'ubuntu' }), 'image definition ubuntu', 1)!;
    assert.match(d, /^2 VMs and 2 scale sets in the 1 selected subscription use image definition ubuntu .*fail to scale out/);
    assert.equal(usageWarning('deleteVersion', [], 'x', 1), undefined);
  });

  it('a VM alone (no scale set) is counted without the scale-out sentence', () => {
    const v = usersOf(users, { imageName: 'ubuntu', version: '0.9.0' });
    assert.equal(usageWarning('deleteVersion', v, 'image version 0.9.0 of ubuntu', 1), '1 VM in the 1 selected subscription uses image version 0.9.0 of ubuntu.');
  });

  it('exclude from latest concerns the followers only; sharing changes those using the share only', () => {
    const v = usersOf(users, { imageName: 'ubuntu', version: '1.0.0', isLatest: true });
    assert.match(usageWarning('excludeFromLatest', v, 'image version 1.0.0 of ubuntu', 1)!, /^1 scale set in the 1 selected subscription follows latest/);
    assert.equal(usageWarning('excludeFromLatest', v.filter((u) => u.via === 'pinned'), 'x', 1), undefined);
    assert.match(usageWarning('stopSharing', v, 'gallery contoso_images', 1)!, /^1 scale set .* uses gallery contoso_images through its direct share\. .*fail to scale out/);
    assert.equal(usageWarning('resetSharing', v.filter((u) => u.form === 'id'), 'gallery contoso_images', 1), undefined);
    assert.match(usageWarning('endOfLife', v, 'image version 1.0.0 of ubuntu', 1)!, /keep working/);
    const d = usersOf(users, { imageName: 'ubuntu' });
    assert.equal(
      usageWarning('makeLatest', d, 'image definition ubuntu', 2),
      '1 scale set in the 2 selected subscriptions follows the latest version of image definition ubuntu: new VMs and scale-out instances will get the version made latest from now on.',
    );
  });
});
