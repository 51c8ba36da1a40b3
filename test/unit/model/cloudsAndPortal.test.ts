import assert from 'node:assert/strict';
import { checkCustomCloud, findPublicCloud, PUBLIC_CLOUDS, validateEndpointUrl } from '../../../src/model/clouds';
import { portalBaseUrl, portalResourceUrl } from '../../../src/model/portal';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Compute/galleries/g';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

describe('model/clouds', () => {
  it('holds the endpoints of the three public clouds, all https', () => {
    assert.equal(PUBLIC_CLOUDS.AzureCloud.resourceManagerEndpointUrl, 'https://management.azure.com/');
    assert.equal(PUBLIC_CLOUDS.AzureCloud.activeDirectoryEndpointUrl, 'https://login.microsoftonline.com/');
    assert.equal(PUBLIC_CLOUDS.AzureCloud.microsoftGraphEndpointUrl, 'https://graph.microsoft.com/');
    assert.equal(PUBLIC_CLOUDS.AzureChinaCloud.resourceManagerEndpointUrl, 'https://management.chinacloudapi.cn/');
    assert.equal(PUBLIC_CLOUDS.AzureChinaCloud.activeDirectoryEndpointUrl, 'https://login.chinacloudapi.cn/');
    assert.equal(PUBLIC_CLOUDS.AzureChinaCloud.microsoftGraphEndpointUrl, 'https://microsoftgraph.chinacloudapi.cn/');
    assert.equal(PUBLIC_CLOUDS.AzureUSGovernment.resourceManagerEndpointUrl, 'https://management.usgovcloudapi.net/');
    assert.equal(PUBLIC_CLOUDS.AzureUSGovernment.activeDirectoryEndpointUrl, 'https://login.microsoftonline.us/');
    assert.equal(PUBLIC_CLOUDS.AzureUSGovernment.microsoftGraphEndpointUrl, 'https://graph.microsoft.us/');
    for (const cloud of Object.values(PUBLIC_CLOUDS)) {
      assert.equal(checkCustomCloud(cloud).problems, undefined, cloud.name);
    }
  });

  it('finds public clouds by CLI or VS Code name, case-insensitively', () => {
    assert.equal(findPublicCloud('AzureCloud')?.portalUrl, 'https://portal.azure.com');
    assert.equal(findPublicCloud('azurechinacloud')?.name, 'AzureChinaCloud');
    assert.equal(findPublicCloud('ChinaCloud')?.name, 'AzureChinaCloud');
    assert.equal(findPublicCloud('USGovernment')?.name, 'AzureUSGovernment');
    assert.equal(findPublicCloud('Azure US Government')?.name, 'AzureUSGovernment');
    assert.equal(findPublicCloud('custom'), undefined);
    assert.equal(findPublicCloud('AzureGermanCloud'), undefined);
    assert.equal(findPublicCloud(undefined), undefined);
  });

  describe('validateEndpointUrl', () => {
    it('refuses http:// explaining the token risk', () => {
      assert.equal(
        validateEndpointUrl('resourceManagerEndpointUrl', 'http://management.local/'),
        'Use an https:// URL for resourceManagerEndpointUrl; http:// is refused because it would send your token in clear text.',
      );
      assert.match(validateEndpointUrl('x', 'HTTP://127.0.0.1:8443/') ?? '', /clear text/);
    });

    it('accepts https, including local hosts and ports', () => {
      assert.equal(validateEndpointUrl('x', 'https://127.0.0.1:8443/'), undefined);
      assert.equal(validateEndpointUrl('x', 'https://management.local.azurestack.external'), undefined);
    });

    it('names the field for every other problem', () => {
      for (const bad of ['', 'management.azure.com', 'ftp://a.b/', 'https://a b/', 'https://user:pw@a.b/']) {
        const message = validateEndpointUrl('activeDirectoryEndpointUrl', bad) ?? '';
        assert.match(message, /activeDirectoryEndpointUrl/, bad);
      }
      assert.doesNotMatch(validateEndpointUrl('x', 'ftp://a.b/') ?? '', /clear text/);
    });
  });

  describe('checkCustomCloud', () => {
    const good = {
      resourceManagerEndpointUrl: 'https://127.0.0.1:8443/',
      activeDirectoryEndpointUrl: ' https://127.0.0.1:8443/login/ ',
      microsoftGraphEndpointUrl: 'https://127.0.0.1:8443/graph/',
      portalUrl: 'https://portal.local',
      extra: 'ignored',
    };

    it('accepts an all-https environment and returns the trimmed endpoints only', () => {
      assert.deepEqual(checkCustomCloud(good), {
        cloud: {
          resourceManagerEndpointUrl: 'https://127.0.0.1:8443/',
          activeDirectoryEndpointUrl: 'https://127.0.0.1:8443/login/',
          microsoftGraphEndpointUrl: 'https://127.0.0.1:8443/graph/',
          portalUrl: 'https://portal.local',
        },
      });
    });

    it('treats Graph and portal as optional', () => {
      const { cloud } = checkCustomCloud({ resourceManagerEndpointUrl: good.resourceManagerEndpointUrl, activeDirectoryEndpointUrl: 'https://login.local/' });
      assert.deepEqual(cloud, { resourceManagerEndpointUrl: 'https://127.0.0.1:8443/', activeDirectoryEndpointUrl: 'https://login.local/' });
    });

    it('reports every problem, one per field', () => {
      const { problems } = checkCustomCloud({ resourceManagerEndpointUrl: 'http://rm.local/', microsoftGraphEndpointUrl: 42, portalUrl: 'http://portal.local' });
      assert.deepEqual(problems, [
        'Use an https:// URL for resourceManagerEndpointUrl; http:// is refused because it would send your token in clear text.',
        'Set activeDirectoryEndpointUrl to an https:// URL.',
        'Write microsoftGraphEndpointUrl as a string holding an https:// URL.',
        'Use an https:// URL for portalUrl; http:// is refused because it would send your token in clear text.',
      ]);
    });

    it('refuses what is not an object', () => {
      for (const v of [undefined, null, 'https://x', 3, []]) assert.match(checkCustomCloud(v).problems?.[0] ?? '', /object/);
    });

    it('checkCustomCloud gives its problems or nothing', () => {
      assert.equal(checkCustomCloud(good).problems?.[0], undefined);
      assert.match(checkCustomCloud({ ...good, resourceManagerEndpointUrl: 'http://x.y/' }).problems?.[0] ?? '', /resourceManagerEndpointUrl.*clear text/);
    });
  });
});

describe('model/portal', () => {
  it('builds the Azure Resources extension link form', () => {
    assert.equal(portalResourceUrl(ID, TENANT, 'https://portal.azure.com'), `https://portal.azure.com/#@${TENANT}/resource${ID}`);
  });

  it('copes with a trailing slash on the portal URL and with no tenant', () => {
    assert.equal(portalResourceUrl(ID, TENANT, 'https://portal.azure.com/'), `https://portal.azure.com/#@${TENANT}/resource${ID}`);
    assert.equal(portalResourceUrl(ID, undefined, 'https://portal.azure.com'), `https://portal.azure.com/#resource${ID}`);
    assert.equal(portalResourceUrl(ID, '', 'https://portal.azure.com'), `https://portal.azure.com/#resource${ID}`);
  });

  it('accepts a tenant domain name as the tenant', () => {
    assert.equal(portalResourceUrl(ID, 'contoso.onmicrosoft.com', 'https://portal.azure.com'), `https://portal.azure.com/#@contoso.onmicrosoft.com/resource${ID}`);
  });

  it('refuses something that is not a resource id', () => {
    assert.throws(() => portalResourceUrl('subscriptions/x', TENANT, 'https://portal.azure.com'), /Not an ARM resource id/);
  });

  it('knows each public cloud portal', () => {
    assert.equal(portalBaseUrl('AzureCloud'), 'https://portal.azure.com');
    assert.equal(portalBaseUrl('AzureChinaCloud'), 'https://portal.azure.cn');
    assert.equal(portalBaseUrl('AzureUSGovernment'), 'https://portal.azure.us');
    assert.equal(portalBaseUrl('Elsewhere'), undefined);
  });
});
