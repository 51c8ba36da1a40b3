import assert from 'node:assert/strict';
import { inWords, kindWords, spokenRow } from '../../../src/model/spokenRow';

describe('spoken rows (what a screen reader says for a tree row)', () => {
  it('names the kind of each resource row from its context value, and nothing for other rows', () => {
    assert.equal(kindWords('acg.subscription'), 'subscription');
    assert.equal(kindWords('acg.gallery.private'), 'gallery');
    assert.equal(kindWords('acg.gallery.community.unpublished'), 'gallery');
    assert.equal(kindWords('acg.shared.gallery'), 'gallery shared with you');
    assert.equal(kindWords('acg.community.gallery'), 'community gallery');
    assert.equal(kindWords('acg.image'), 'image definition');
    assert.equal(kindWords('acg.shared.image'), 'image definition');
    assert.equal(kindWords('acg.version'), 'image version');
    assert.equal(kindWords('acg.version.busy'), 'image version');
    assert.equal(kindWords('acg.community.version'), 'image version');
    assert.equal(kindWords('acg.softDeletedVersion'), 'deleted image version');
    assert.equal(kindWords('acg.region.completed'), 'region');
    assert.equal(kindWords('acg.message'), '');
    assert.equal(kindWords(undefined), '');
  });

  it('says terse state in words: fractions, percentages, replicas, EOL, generations, separators and icons', () => {
    assert.equal(inWords('Replicating 1/3 regions, 40%'), 'Replicating 1 of 3 regions replicated, 40 percent');
    assert.equal(inWords('latest · excluded from latest · EOL 2031-01-31'), 'latest, excluded from latest, end of life 2031-01-31');
    assert.equal(inWords('Linux · Gen2 · Trusted launch supported'), 'Linux, generation 2, Trusted launch supported');
    assert.equal(inWords('Completed · ×2 · Standard_ZRS'), 'Completed, 2 replicas, Standard ZRS');
    assert.equal(inWords('$(warning) Failed'), 'Failed');
    assert.equal(inWords('Deleting…'), 'Deleting');
  });

  it('puts name, kind and state together, leaving out what is not there', () => {
    assert.equal(spokenRow('acg.version', '1.1.0', 'Replicating 0/3 regions, 7%'), '1.1.0, image version, Replicating 0 of 3 regions replicated, 7 percent');
    assert.equal(spokenRow('acg.gallery.private', 'contoso_images', 'eastus · Private'), 'contoso_images, gallery, eastus, Private');
    assert.equal(spokenRow('acg.message', 'No image versions', undefined), 'No image versions');
  });
});
