// The edges of the create wizards' typed answers, probed in the real commands (extension host,
// local Azure): names at their first and last characters and at 80/81 characters, end-of-life
// dates today and tomorrow (UTC), recommended ranges at minimum 1, the purchase plan's parts, and
// replica counts at 0/100/101. Every flow ends with Escape: nothing is created.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { validateEndOfLifeDate } from '../../src/model/endOfLife';
import { validateGalleryName, validateImageDefinitionName } from '../../src/model/names';
import { MAX_REPLICA_COUNT } from '../../src/model/replication';
import { parseReplicaCounts, validateRangeText } from '../../src/ui/answerText';
import { CANCEL, ScriptedPrompter, type ScriptedAnswer, inventory, useDemoSession } from './createHelpers';
import { utcDay } from './createCounts';
import { nodeAt } from './helpers';

type Messages = Map<string, string | undefined>;

/** The value was typed and the step took it (no message). */
function accepted(messages: Messages, value: string): void {
  assert.ok(messages.has(value), `"${value}" was probed; probed: ${JSON.stringify([...messages.keys()])}`);
  assert.equal(messages.get(value), undefined, `"${value}" is accepted`);
}

/** The value was typed and refused with the model's message, which says what to type instead. */
function refused(messages: Messages, value: string, modelMessage: string | undefined, says: RegExp): void {
  assert.ok(messages.has(value), `"${value}" was probed; probed: ${JSON.stringify([...messages.keys()])}`);
  const message = messages.get(value);
  assert.ok(message, `"${value}" is refused`);
  assert.equal(message, modelMessage, `"${value}" is refused with the model validator's message`);
  assert.match(message, says, `"${value}": the message says what to type`);
}

/** The part of a title after the flow's name, without "(step n of m)". */
function stepNames(prompter: ScriptedPrompter): string[] {
  return prompter.titles.map((t) => t.replace(/^[^:]+: /, '').replace(/ \(step \d+ of \d+\)$/, ''));
}

describe('Create wizards at their boundaries: names, dates, ranges, plan, replicas (extension host, local Azure)', () => {
  useDemoSession();

  it('Create Gallery, Name: a leading digit and 80 characters accepted; a leading period or underscore and 81 characters refused', async () => {
    const before = await inventory();
    const subscription = await nodeAt('Contoso Production');
    const eighty = `bnd${'8'.repeat(77)}`;
    const eightyOne = `${eighty}1`;
    assert.equal(eighty.length, 80);
    assert.equal(eightyOne.length, 81);
    const prompter = new ScriptedPrompter(['rg-images', { probe: ['1gallery', '.gallery', '_gallery', eighty, eightyOne] }, CANCEL]);
    assert.equal(await vscode.commands.executeCommand('azureComputeGallery.createGallery', subscription, { prompter }), undefined);
    assert.deepEqual(prompter.problems, []);
    assert.deepEqual(stepNames(prompter), ['Resource group', 'Name']);
    const names = prompter.messagesFor(': Name (');
    assert.equal(names.size, 5);
    accepted(names, '1gallery');
    accepted(names, eighty);
    refused(names, '.gallery', validateGalleryName('.gallery'), /^Start the gallery name with a letter or digit\.$/);
    refused(names, '_gallery', validateGalleryName('_gallery'), /^Start the gallery name with a letter or digit\.$/);
    refused(names, eightyOne, validateGalleryName(eightyOne), /^Use at most 80 characters \(this has 81\)\.$/);
    assert.deepEqual(await inventory(), before, 'Escape after probing created nothing');
  });

  it('Create Image Definition, Name: _, ., - refused at either end; a leading digit, a.b-c_d1 and 80 characters accepted; 81 refused', async () => {
    const before = await inventory();
    const gallery = await nodeAt('Contoso Production', 'contoso_images');
    const eighty = `bnd${'8'.repeat(77)}`;
    const eightyOne = `${eighty}1`;
    assert.equal(eighty.length, 80);
    assert.equal(eightyOne.length, 81);
    const startsBad = ['_def', '.def', '-def'];
    const endsBad = ['def_', 'def.', 'def-'];
    const prompter = new ScriptedPrompter([{ probe: [...startsBad, ...endsBad, '1def', 'a.b-c_d1', eighty, eightyOne] }, CANCEL]);
    assert.equal(await vscode.commands.executeCommand('azureComputeGallery.createImageDefinition', gallery, { prompter }), undefined);
    assert.deepEqual(prompter.problems, []);
    assert.deepEqual(stepNames(prompter), ['Name']);
    const names = prompter.messagesFor(': Name (');
    assert.equal(names.size, 10);
    for (const value of startsBad) refused(names, value, validateImageDefinitionName(value), /^Start the name with a letter or digit\.$/);
    for (const value of endsBad) refused(names, value, validateImageDefinitionName(value), /^End the name with a letter or digit\.$/);
    accepted(names, '1def');
    accepted(names, 'a.b-c_d1');
    accepted(names, eighty);
    refused(names, eightyOne, validateImageDefinitionName(eightyOne), /^Use at most 80 characters \(this has 81\)\.$/);
    assert.deepEqual(await inventory(), before, 'Escape after probing created nothing');
  });

  it('Create Image Definition, Advanced: end of life today refused and tomorrow accepted (UTC); ranges from 1 accepted, from 0 refused; plan publisher and product refuse empty and spaced values', async () => {
    const before = await inventory();
    const gallery = await nodeAt('Contoso Production', 'contoso_images');
    const today = utcDay(0);
    const tomorrow = utcDay(1);
    const ranges = ['1-4', '1', '0-4', '0'];
    const answers: ScriptedAnswer[] = [
      'bnd-advanced-def',
      'Linux',
      'Generalized',
      'V2',
      'Contoso',
      'BoundaryOffer',
      'bnd-1',
      'x64',
      'Standard',
      { pick: /^Advanced…$/ },
      { pickMany: ['End-of-life date', 'Recommended vCPUs', 'Recommended memory', 'Purchase plan'] },
      { probe: [today, tomorrow] },
      tomorrow,
      { probe: ranges },
      '1-4',
      { probe: ranges },
      '1-4',
      'bnd-plan',
      { probe: ['', 'canonical ltd', 'canonical'] },
      'canonical',
      { probe: ['', 'ubuntu server', 'ubuntu-server'] },
      CANCEL,
    ];
    const prompter = new ScriptedPrompter(answers);
    assert.equal(await vscode.commands.executeCommand('azureComputeGallery.createImageDefinition', gallery, { prompter }), undefined);
    assert.deepEqual(prompter.problems, []);
    assert.equal(prompter.remaining, 0);
    assert.deepEqual(stepNames(prompter).slice(-7), ['Advanced', 'End-of-life date', 'Recommended vCPUs', 'Recommended memory', 'Plan name', 'Plan publisher', 'Plan product']);

    const eol = prompter.messagesFor(': End-of-life date (');
    refused(eol, today, validateEndOfLifeDate(today, new Date()), /^Pick a date in the future, for example \d{4}-\d{2}-\d{2}: the end-of-life date cannot be today or earlier\.$/);
    accepted(eol, tomorrow);

    const vCpus = prompter.messagesFor(': Recommended vCPUs (');
    accepted(vCpus, '1-4');
    accepted(vCpus, '1');
    refused(vCpus, '0-4', validateRangeText('0-4', 'vCPUs'), /^Enter at least 1 for the minimum vCPUs, or leave it empty\.$/);
    refused(vCpus, '0', validateRangeText('0', 'vCPUs'), /^Enter at least 1 for the minimum vCPUs, or leave it empty\.$/);

    const memory = prompter.messagesFor(': Recommended memory (');
    accepted(memory, '1-4');
    accepted(memory, '1');
    refused(memory, '0-4', validateRangeText('0-4', 'memory (GB)'), /^Enter at least 1 for the minimum memory \(GB\), or leave it empty\.$/);
    refused(memory, '0', validateRangeText('0', 'memory (GB)'), /^Enter at least 1 for the minimum memory \(GB\), or leave it empty\.$/);

    // The plan validators are private to the command (planPart): their messages, word for word.
    const publisher = prompter.messagesFor(': Plan publisher (');
    refused(publisher, '', "Enter the plan's publisher as the Marketplace lists it, for example canonical.", /for example canonical\.$/);
    refused(publisher, 'canonical ltd', "Remove the spaces from the plan's publisher.", /^Remove the spaces/);
    accepted(publisher, 'canonical');
    const product = prompter.messagesFor(': Plan product (');
    refused(product, '', "Enter the plan's product as the Marketplace lists it, for example ubuntu-server.", /for example ubuntu-server\.$/);
    refused(product, 'ubuntu server', "Remove the spaces from the plan's product.", /^Remove the spaces/);
    accepted(product, 'ubuntu-server');
    assert.deepEqual(await inventory(), before, 'Escape in the advanced steps created nothing');
  });

  it('Create Image Version, Replicas: 100 accepted, 101 and 0 refused (one number and region=count alike); end of life today refused, tomorrow accepted', async () => {
    const before = await inventory();
    const definition = await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts');
    const today = utcDay(0);
    const tomorrow = utcDay(1);
    const counts = ['100', '101', '0', 'eastus=100', 'eastus=101', 'eastus=0'];
    const prompter = new ScriptedPrompter([
      { accept: true },
      'img-ubuntu-2204-eastus',
      { accept: true },
      { probe: counts },
      '100',
      { accept: true },
      { accept: true },
      { accept: true }, // Edge zones: none
      { probe: [today, tomorrow] },
      CANCEL,
    ]);
    assert.equal(await vscode.commands.executeCommand('azureComputeGallery.createImageVersion', definition, { prompter }), undefined);
    assert.deepEqual(prompter.problems, []);
    assert.equal(prompter.remaining, 0);
    assert.deepEqual(stepNames(prompter), ['Version', 'Source', 'Target regions', 'Replicas', 'Storage', 'Latest', 'Edge zones', 'End of life']);
    assert.deepEqual(prompter.prompts[2]?.selected, ['East US'], 'only the source region is a target');

    const replicas = prompter.messagesFor(': Replicas (');
    const regions = ['eastus'];
    const modelMessage = (value: string) => {
      const parsed = parseReplicaCounts(value, regions);
      return typeof parsed === 'string' ? parsed : undefined;
    };
    assert.equal(MAX_REPLICA_COUNT, 100);
    accepted(replicas, '100');
    accepted(replicas, 'eastus=100');
    refused(replicas, '101', modelMessage('101'), /^Use a whole number from 1 to 100 for the replicas in each region \(not "101"\)\.$/);
    refused(replicas, '0', modelMessage('0'), /^Use a whole number from 1 to 100 for the replicas in each region \(not "0"\)\.$/);
    refused(replicas, 'eastus=101', modelMessage('eastus=101'), /^Use a whole number from 1 to 100 for eastus \(not "101"\)\.$/);
    refused(replicas, 'eastus=0', modelMessage('eastus=0'), /^Use a whole number from 1 to 100 for eastus \(not "0"\)\.$/);
    // Enter on 100 was taken: the flow went on to Storage.
    assert.deepEqual(prompter.validations.filter((v) => v.title.includes(': Replicas (') && v.value === '100').map((v) => v.message), [undefined, undefined]);

    const eol = prompter.messagesFor(': End of life (');
    refused(eol, today, validateEndOfLifeDate(today, new Date()), /^Pick a date in the future, for example \d{4}-\d{2}-\d{2}: the end-of-life date cannot be today or earlier\.$/);
    accepted(eol, tomorrow);
    assert.deepEqual(await inventory(), before, 'Escape after probing created nothing');
  });
});
