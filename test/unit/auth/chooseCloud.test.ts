import assert from 'node:assert/strict';
import { chooseCloud } from '../../../src/auth/chooseCloud';

describe('chooseCloud', () => {
  it('defaults to the public Azure cloud with the SDK scope', () => {
    const { cloud } = chooseCloud({});
    assert.equal(cloud?.name, 'AzureCloud');
    assert.equal(cloud?.resourceManagerEndpointUrl, 'https://management.azure.com/');
    assert.equal(cloud?.resourceManagerScope, 'https://management.azure.com/.default');
    assert.equal(cloud?.portalUrl, 'https://portal.azure.com');
  });

  it("follows VS Code's sovereign-cloud setting when ours is not set", () => {
    assert.equal(chooseCloud({ sovereignEnvironment: 'ChinaCloud' }).cloud?.name, 'AzureChinaCloud');
    assert.equal(chooseCloud({ sovereignEnvironment: 'USGovernment' }).cloud?.portalUrl, 'https://portal.azure.us');
  });

  it('lets our own setting win over the sovereign-cloud setting', () => {
    assert.equal(chooseCloud({ environment: 'AzureUSGovernment', sovereignEnvironment: 'ChinaCloud' }).cloud?.name, 'AzureUSGovernment');
  });

  it('accepts a custom cloud over https and derives its token scope', () => {
    const { cloud } = chooseCloud({
      environment: 'Custom',
      customEnvironment: { resourceManagerEndpointUrl: 'https://127.0.0.1:4443/', activeDirectoryEndpointUrl: 'https://127.0.0.1:4443/' },
    });
    assert.equal(cloud?.name, 'Custom');
    assert.equal(cloud?.resourceManagerScope, 'https://127.0.0.1:4443/.default');
    assert.equal(cloud?.portalUrl, '');
  });

  it('refuses a custom cloud with an http:// endpoint, naming the setting and the reason', () => {
    const { problem } = chooseCloud({
      environment: 'Custom',
      customEnvironment: { resourceManagerEndpointUrl: 'http://127.0.0.1:4443/', activeDirectoryEndpointUrl: 'https://127.0.0.1:4443/' },
    });
    assert.match(problem ?? '', /azureComputeGallery\.customEnvironment/);
    assert.match(problem ?? '', /https:\/\/.*clear text/);
  });

  it('reads the custom endpoints from the sovereign-cloud setting when that one chose Custom', () => {
    const { problem } = chooseCloud({ sovereignEnvironment: 'custom', sovereignCustomEnvironment: undefined });
    assert.match(problem ?? '', /microsoft-sovereign-cloud\.customEnvironment/);
  });

  it('names the clouds it knows when the name is unknown', () => {
    assert.match(chooseCloud({ environment: 'AzureGermanCloud' }).problem ?? '', /AzureCloud, AzureChinaCloud, AzureUSGovernment or Custom/);
  });
});
