import assert from 'node:assert/strict';
import { findNode } from '../../../src/tree/findNode';

// A tree shaped like the explorer's: nodes with ids, id-less roots that hold ids by prefix,
// message rows, and a definition whose versions arrive a page at a time.
interface FakeNode {
  name: string;
  resourceId?: string;
  holds?(id: string): boolean;
  children?: FakeNode[];
  hasMore?: boolean;
  loadMore?(): Promise<void>;
}

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000001';
const GALLERY = `${SUB}/resourceGroups/rg/providers/Microsoft.Compute/galleries/g1`;
const DEFINITION = `${GALLERY}/images/ubuntu`;
const version = (n: number): FakeNode => ({ name: `1.0.${n}`, resourceId: `${DEFINITION}/versions/1.0.${n}` });

function paged(total: number, pageSize: number, loads: { count: number }): FakeNode {
  const all = Array.from({ length: total }, (_, i) => version(i));
  let shown = pageSize;
  const node: FakeNode = {
    name: 'ubuntu',
    resourceId: DEFINITION,
    get children() {
      const rows = all.slice(0, shown);
      return shown < total ? [...rows, { name: 'Load more…' }] : rows;
    },
    get hasMore() {
      return shown < total;
    },
    loadMore: async () => {
      loads.count++;
      shown = Math.min(total, shown + pageSize);
    },
  };
  return node;
}

function tree(definition: FakeNode): { roots: FakeNode[] } {
  const shared: FakeNode = {
    name: 'Shared with me',
    holds: (id) => id.startsWith('/sharedgalleries/'),
    children: [{ name: 'sg', resourceId: '/SharedGalleries/sg-unique', children: [{ name: 'img', resourceId: '/SharedGalleries/sg-unique/Images/img' }] }],
  };
  const roots: FakeNode[] = [
    { name: 'other', resourceId: '/subscriptions/00000000-0000-0000-0000-000000000002', children: [] },
    { name: 'sub', resourceId: SUB, children: [{ name: 'No access here' }, { name: 'g1', resourceId: GALLERY, children: [definition] }] },
    shared,
    { name: 'Community', holds: (id) => id.startsWith('/communitygalleries/'), children: [] },
  ];
  return { roots };
}

async function find(roots: FakeNode[], id: string, listed: string[] = []): Promise<FakeNode | undefined> {
  return findNode<FakeNode>(
    async () => roots,
    async (n) => {
      listed.push(n.name);
      return n.children ?? [];
    },
    id,
  );
}

describe('findNode (the tree’s look-up by resource id)', () => {
  it('descends subscription → gallery → definition → version, listing only the levels on the way', async () => {
    const loads = { count: 0 };
    const { roots } = tree(paged(3, 10, loads));
    const listed: string[] = [];
    const node = await find(roots, `${DEFINITION}/versions/1.0.2`, listed);
    assert.equal(node?.name, '1.0.2');
    assert.deepEqual(listed, ['sub', 'g1', 'ubuntu'], 'no other subscription, and neither Shared with me nor Community, is listed');
    assert.equal(loads.count, 0);
  });

  it('compares ids case-insensitively and ignores a trailing slash', async () => {
    const { roots } = tree(paged(3, 10, { count: 0 }));
    assert.equal((await find(roots, `${GALLERY.toUpperCase()}/`))?.name, 'g1');
    assert.equal((await find(roots, SUB))?.name, 'sub');
  });

  it('follows "Load more…" until the version shows up', async () => {
    const loads = { count: 0 };
    const { roots } = tree(paged(25, 10, loads));
    const node = await find(roots, `${DEFINITION}/versions/1.0.21`);
    assert.equal(node?.name, '1.0.21');
    assert.equal(loads.count, 2, 'two more pages were asked for, no more');
  });

  it('finds a version on the last page, which has no "Load more…" row any more', async () => {
    const loads = { count: 0 };
    const { roots } = tree(paged(2, 1, loads));
    assert.equal((await find(roots, `${DEFINITION}/versions/1.0.1`))?.name, '1.0.1');
    assert.equal(loads.count, 1);
  });

  it('asks for every page, then answers undefined, for a version Azure does not have', async () => {
    const loads = { count: 0 };
    const { roots } = tree(paged(25, 10, loads));
    assert.equal(await find(roots, `${DEFINITION}/versions/9.9.9`), undefined);
    assert.equal(loads.count, 2);
  });

  it('stops when a further page adds nothing (a continuation that leads nowhere)', async () => {
    const loads = { count: 0 };
    const stuck: FakeNode = { name: 'ubuntu', resourceId: DEFINITION, children: [version(0), { name: 'Load more…' }], hasMore: true, loadMore: async () => void loads.count++ };
    const { roots } = tree(stuck);
    assert.equal(await find(roots, `${DEFINITION}/versions/1.0.5`), undefined);
    assert.equal(loads.count, 1);
  });

  it('finds shared images under "Shared with me" by their unique id', async () => {
    const { roots } = tree(paged(1, 10, { count: 0 }));
    const listed: string[] = [];
    assert.equal((await find(roots, '/SharedGalleries/sg-unique/Images/img', listed))?.name, 'img');
    assert.deepEqual(listed, ['Shared with me', 'sg']);
  });

  it('answers undefined for an id in a subscription the tree does not show, without listing anything', async () => {
    const { roots } = tree(paged(1, 10, { count: 0 }));
    const listed: string[] = [];
    assert.equal(await find(roots, '/subscriptions/00000000-0000-0000-0000-000000000009/resourceGroups/rg/providers/Microsoft.Compute/galleries/g1', listed), undefined);
    assert.deepEqual(listed, []);
  });
});
