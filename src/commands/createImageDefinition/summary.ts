// The summary: Create (or Advanced… the first time), then every answer, each line going back to its step.
import { describeFeatures } from '../../model/definitionFeatures';
import { tagsToText } from '../../model/tags';
import { azureDefaultSecurityType, describeSecurityType } from '../../model/imageRules';
import { pickStep, type PickEntry, type Step } from '../../ui/wizard';
import { summaryLine } from '../createCommon';
import type { State, SummaryChoice } from './types';

/** "Trusted launch supported (Azure's default for Generation 2)" when nothing was chosen, else the choice. */
function securityLine(s: State): string {
  const generation = s.hyperVGeneration ?? 'V2';
  const type = s.securityType ?? azureDefaultSecurityType(generation, s.architecture ?? 'x64');
  return s.securityType === undefined ? `${describeSecurityType(type)} (Azure's default for this generation and architecture)` : describeSecurityType(type);
}

function summary(s: State, withAdvancedItem: boolean): PickEntry<SummaryChoice>[] {
  const line = (label: string, value: string, step: string) => summaryLine(label, value, step, 'line' as const);
  const entries: PickEntry<SummaryChoice>[] = [
    {
      label: '$(check) Create image definition',
      detail: `${s.name} in ${s.gallery?.gallery.name} (${s.gallery?.gallery.location})`,
      value: 'create',
    },
  ];
  if (withAdvancedItem) {
    entries.push({
      label: '$(settings-gear) Advanced…',
      detail: 'Description, EULA, privacy and release-notes links, end of life, recommended vCPUs and memory, disallowed disk types, purchase plan, features, tags',
      value: 'advanced',
    });
  }
  entries.push(
    { separator: 'Summary' },
    line('Gallery', `${s.gallery?.gallery.name} (${s.gallery?.gallery.location}, the definition's region)`, 'Gallery'),
    line('Name', s.name ?? '', 'Name'),
    line('OS', `${s.osType} · ${s.osState}`, 'OS type'),
    line('VM generation', s.hyperVGeneration ?? 'V2', 'VM generation'),
    line('Publisher / offer / SKU', `${s.publisher} / ${s.offer} / ${s.sku}`, 'Publisher'),
    line('Architecture', s.architecture ?? 'x64', 'Architecture'),
    line('Security type', securityLine(s), 'Security type'),
  );
  if (s.description) entries.push(line('Description', s.description, 'Description'));
  if (s.eula) entries.push(line('EULA', s.eula, 'EULA link'));
  if (s.privacyStatementUri) entries.push(line('Privacy statement', s.privacyStatementUri, 'Privacy statement link'));
  if (s.releaseNoteUri) entries.push(line('Release notes', s.releaseNoteUri, 'Release notes link'));
  if (s.endOfLifeDate) entries.push(line('End of life', s.endOfLifeDate, 'End-of-life date'));
  if (s.vCPUs) entries.push(line('Recommended vCPUs', s.vCPUs, 'Recommended vCPUs'));
  if (s.memory) entries.push(line('Recommended memory (GB)', s.memory, 'Recommended memory'));
  if (s.disallowedDiskTypes?.length) entries.push(line('Disallowed disk types', s.disallowedDiskTypes.join(', '), 'Disallowed disk types'));
  if (s.planName) entries.push(line('Purchase plan', `${s.planName} / ${s.planPublisher} / ${s.planProduct}`, 'Plan name'));
  if (s.features && describeFeatures(s.features)) entries.push(line('Features', describeFeatures(s.features), 'Disk controllers'));
  if (s.tags && Object.keys(s.tags).length > 0) entries.push(line('Tags', tagsToText(s.tags), 'Tags'));
  return entries;
}

/** The summary after the basic steps: Create, or Advanced… for the optional settings. */
export function firstSummaryStep(interactive: boolean): Step<State> {
  return pickStep<State, SummaryChoice>({
    title: 'Summary',
    placeholder: 'Pick Create, or Advanced… for optional settings',
    when: () => interactive,
    items: (s) => summary(s, true),
    get: () => 'create',
    set: (s, choice) => {
      s.advanced = choice === 'advanced';
    },
  });
}

/** The summary after the advanced steps, shown only when Advanced… was picked. */
export function finalSummaryStep(interactive: boolean): Step<State> {
  return pickStep<State, SummaryChoice>({
    title: 'Summary',
    placeholder: 'Pick Create, or go Back to change an answer',
    when: (s) => interactive && s.advanced === true,
    items: (s) => summary(s, false),
    get: () => 'create',
    set: () => undefined,
  });
}
