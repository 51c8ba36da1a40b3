// Update Image Definition's fields: what can change, how each is checked and shown, and the
// changes sent for the fields that differ from now. The answers that read and ask them: answers.ts.
import type { ImageDefinition } from '../../azure/types';
import type { Azure } from '../../azureLoader';
import type { ImageDefinitionChanges } from '../../azureChunk';
import { describedTexts, parseIsoDate, validateEndOfLifeDate } from '../../model/endOfLife';
import { validateOptionalLink } from '../../model/updateRules';
import { linkWarning } from '../../model/urls';
import { describeFeatures, featuresFrom, featuresWith, sameFeatures, type DefinitionFeatures } from '../../model/definitionFeatures';
import { describeSecurityType, featuresWithSecurityType, securityTypeFromFeatures, type SecurityType } from '../../model/imageRules';
import { rangeFromText, rangeToText, validateRangeText } from '../../ui/answerText';
import type { DefinitionDetails } from '../createImageDefinition/types';
import type { ManageOptions } from '../manageCommon';

/** The details change as `DefinitionDetails` says; a feature given as undefined is removed. */
export interface UpdateImageDefinitionOptions extends ManageOptions, DefinitionDetails {
  /** The image definition's resource id. */
  definition?: string;
  /** A new security type (sent as the SecurityType feature, with allowUpdateImage). */
  securityType?: SecurityType;
}

/** What Azure has beside the project's ImageDefinition: recommended sizes, disallowed disk types, features. */
export type Extras = Awaited<ReturnType<Azure['getImageDefinitionExtras']>>;

export const FIELDS = ['description', 'eula', 'privacyStatementUri', 'releaseNoteUri', 'endOfLifeDate', 'vCPUs', 'memory', 'disallowedDiskTypes', 'features'] as const;
export type Field = (typeof FIELDS)[number];
export type TextField = Exclude<Field, 'disallowedDiskTypes' | 'features'>;

export const LABELS: Record<Field, string> = {
  description: 'Description',
  eula: 'EULA link',
  privacyStatementUri: 'Privacy statement link',
  releaseNoteUri: 'Release notes link',
  endOfLifeDate: 'End-of-life date',
  vCPUs: 'Recommended vCPUs',
  memory: 'Recommended memory (GB)',
  disallowedDiskTypes: 'Disallowed disk types',
  features: 'Features',
};

const LINK_EXAMPLES: Partial<Record<TextField, [string, string]>> = {
  eula: ['EULA link', 'https://www.contoso.com/eula'],
  privacyStatementUri: ['privacy statement link', 'https://www.contoso.com/privacy'],
  releaseNoteUri: ['release notes link', 'https://www.contoso.com/release-notes'],
};
/** Azure stores any text as a link: anything but a plain https:// address is a warning, not a refusal. */
export const warnLink = (f: TextField, v: string) => (LINK_EXAMPLES[f] ? linkWarning(v, ...LINK_EXAMPLES[f]) : undefined);

export const VALIDATE: Record<TextField, (v: string) => string | undefined> = {
  description: (v) => (v.length > 1000 ? `Shorten the description to 1000 characters (it has ${v.length}).` : undefined),
  eula: (v) => validateOptionalLink(v, 'EULA link', 'https://www.contoso.com/eula'),
  privacyStatementUri: (v) => validateOptionalLink(v, 'privacy statement link', 'https://www.contoso.com/privacy'),
  releaseNoteUri: (v) => validateOptionalLink(v, 'release notes link', 'https://www.contoso.com/release-notes'),
  endOfLifeDate: (v) => validateEndOfLifeDate(v.trim(), new Date()),
  vCPUs: (v) => validateRangeText(v, 'vCPUs'),
  memory: (v) => validateRangeText(v, 'memory (GB)'),
};

export const PROMPTS: Record<TextField, string> = {
  description: 'What the image is for (leave it empty to remove the description)',
  eula: 'The end-user license agreement, as an https:// link (empty removes it)',
  privacyStatementUri: 'The privacy statement, as an https:// link (empty removes it)',
  releaseNoteUri: 'The release notes, as an https:// link (empty removes it)',
  endOfLifeDate: 'End-of-life date as YYYY-MM-DD, in the future (empty removes it)',
  vCPUs: 'Recommended vCPUs as min-max, e.g. 2-16 (2- for at least 2, -16 for at most 16; empty removes it)',
  memory: 'Recommended memory in GB as min-max, e.g. 4-64 (empty removes it)',
};

export type Values = Partial<Record<TextField, string>> & { disallowedDiskTypes?: string[]; features?: DefinitionFeatures; securityType?: SecurityType };

/** The values chosen (or given), and which fields the user picked to change. */
export interface State extends Values {
  fields?: Field[];
}

/** The definition's values now, as the steps show and edit them. */
export function currentValues(i: ImageDefinition, extras: Extras): Values {
  return {
    ...describedTexts(i),
    vCPUs: rangeToText(extras.recommended.vCPUs),
    memory: rangeToText(extras.recommended.memory),
    disallowedDiskTypes: extras.disallowedDiskTypes,
    features: featuresFrom(extras.features),
    securityType: securityTypeFromFeatures(extras.features),
  };
}

/** A field's value as text ("(none)" when empty): shown in the steps and compared to find what changed. */
export function shown(f: Field, v: Values): string {
  return (
    (f === 'disallowedDiskTypes'
      ? (v.disallowedDiskTypes ?? []).join(', ')
      : f === 'features'
        ? [describeSecurityType(v.securityType ?? 'Standard'), describeFeatures(v.features ?? {})].filter((x) => x).join(' · ')
        : (v[f] ?? '')) || '(none)'
  );
}

/** What is sent for the fields that changed. */
export function changesFor(fields: readonly Field[], v: Values, current: Values, extras: Extras): ImageDefinitionChanges {
  const changes: ImageDefinitionChanges = {};
  for (const f of fields) {
    switch (f) {
      case 'description':
      case 'eula':
      case 'privacyStatementUri':
      case 'releaseNoteUri':
        changes[f] = v[f] ? v[f] : null;
        break;
      case 'endOfLifeDate':
        changes.endOfLifeDate = v.endOfLifeDate ? parseIsoDate(v.endOfLifeDate) ?? null : null;
        break;
      case 'vCPUs':
      case 'memory':
        changes.recommended = { ...changes.recommended, [f]: rangeFromText(v[f] ?? '') };
        break;
      case 'disallowedDiskTypes':
        changes.disallowedDiskTypes = v.disallowedDiskTypes ?? [];
        break;
      case 'features': {
        // The whole list goes (a merge patch replaces arrays): the three features as chosen, the
        // security type and anything else exactly as Azure has them.
        const f = v.features ?? {};
        const others = featuresWith(extras.features, { diskControllerTypes: f.diskControllerTypes, acceleratedNetworking: f.acceleratedNetworking, hibernation: f.hibernation });
        // The security type is named only when it changes: a definition made before the default keeps having none.
        const list = v.securityType && v.securityType !== current.securityType ? featuresWithSecurityType(others, v.securityType) : others;
        if (!sameFeatures(list, extras.features)) changes.features = list;
        break;
      }
    }
  }
  return changes;
}
