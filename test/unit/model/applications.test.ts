// VM applications' rules (issue 15): names, commands, file names, package URLs, the replica
// warning, the applicationProfile entry, and how their rows are spoken.
import assert from 'node:assert/strict';
import {
  APPLICATION_COMMAND_MAX,
  applicationReference,
  packageUrlWarning,
  replicaWarning,
  validateApplicationCommand,
  validateApplicationFileName,
  validatePackageUrl,
} from '../../../src/model/applications';
import { validateApplicationName } from '../../../src/model/names';
import { kindWords } from '../../../src/model/spokenRow';

const APP = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/applications/agent';

describe('VM application rules', () => {
  it('names: the image definition rule with the application noun, 1–80 characters', () => {
    assert.equal(validateApplicationName('monitoring-agent'), undefined);
    assert.equal(validateApplicationName('a'.repeat(80)), undefined);
    assert.match(validateApplicationName('a'.repeat(81)) ?? '', /at most 80/);
    assert.match(validateApplicationName('') ?? '', /application name/);
    assert.match(validateApplicationName('-agent') ?? '', /Start the name/);
    assert.match(validateApplicationName('agent.') ?? '', /End the name/);
    assert.match(validateApplicationName('a b') ?? '', /Remove/);
  });

  it('commands: install and remove required, update optional, each at most 4096 characters', () => {
    assert.match(validateApplicationCommand('  ', 'install') ?? '', /Enter the install command/);
    assert.match(validateApplicationCommand('', 'remove') ?? '', /Enter the remove command/);
    assert.equal(validateApplicationCommand('', 'update'), undefined);
    assert.equal(validateApplicationCommand('x'.repeat(APPLICATION_COMMAND_MAX), 'install'), undefined);
    assert.match(validateApplicationCommand('x'.repeat(APPLICATION_COMMAND_MAX + 1), 'update') ?? '', /this has 4097/);
  });

  it('file names: optional, one line, at most 4096 characters', () => {
    assert.equal(validateApplicationFileName(''), undefined);
    assert.equal(validateApplicationFileName('agent.tar.gz'), undefined);
    assert.match(validateApplicationFileName('a\nb') ?? '', /one line/);
    assert.match(validateApplicationFileName('x'.repeat(4097)) ?? '', /at most/);
  });

  it('package URLs: https without credentials; a host that is not a blob endpoint is only warned about', () => {
    assert.equal(validatePackageUrl('https://acct.blob.core.windows.net/c/app.zip?sv=1&sig=2'), undefined);
    assert.match(validatePackageUrl('') ?? '', /Enter the package's blob URL/);
    assert.match(validatePackageUrl('http://acct.blob.core.windows.net/c/a') ?? '', /https:\/\//);
    assert.match(validatePackageUrl('https://u:p@acct.blob.core.windows.net/c/a') ?? '', /SAS token/);
    assert.match(validatePackageUrl('not a url', 'default configuration file') ?? '', /default configuration file's blob URL/);
    assert.equal(packageUrlWarning('https://acct.blob.core.windows.net/c/a'), undefined);
    assert.match(packageUrlWarning('https://example.com/a.zip') ?? '', /storage blob/);
  });

  it('more than 3 replicas in a region is warned about (block blobs), never refused', () => {
    assert.equal(replicaWarning([1, 3]), undefined);
    assert.match(replicaWarning([4]) ?? '', /at most 3 replicas/);
  });

  it('the applicationProfile entry: a version as it is, an application as versions/latest', () => {
    assert.deepEqual(applicationReference(`${APP}/versions/1.0.0`), { packageReferenceId: `${APP}/versions/1.0.0` });
    assert.deepEqual(applicationReference(APP, { order: 1, configurationReference: 'https://a.blob.core.windows.net/c/cfg' }), {
      packageReferenceId: `${APP}/versions/latest`,
      order: 1,
      configurationReference: 'https://a.blob.core.windows.net/c/cfg',
    });
  });

  it('rows are spoken with their kind', () => {
    assert.equal(kindWords('acg.application'), 'VM application');
    assert.equal(kindWords('acg.applicationVersion.busy'), 'VM application version');
    assert.equal(kindWords('acg.applications'), 'VM applications of the gallery');
    assert.equal(kindWords('acg.appRegion.failed'), 'region');
  });
});
