// Community sharing: "Share Publicly…" makes a gallery public to every Azure user. It first asks
// for the community information a gallery that never was a community gallery lacks (publisher
// website and e-mail, legal agreement, public name prefix), then warns — naming exactly what
// becomes public: the public name, the publisher's details and each definition's publisher,
// offer and SKU — and only then sends the gallery update (permissions Community) and
// EnableCommunity. Copy Public Name copies the `{prefix}-{GUID}` name others find it by.
import * as vscode from 'vscode';
import type { Gallery } from '../azure/types';
import type { NewCommunityInfo } from '../azure/writeTypes';
import { legalAgreementWarning, publisherUriWarning, validateLegalAgreementUri, validatePublicNamePrefix, validatePublisherEmail, validatePublisherUri } from '../model/communityInfo';
import { sharedIds } from '../model/sharing';
import { COMMUNITY_FIELD_LABELS, countOf, listInWords, missingCommunityInfo, whatBecomesPublic, type CommunityField } from '../model/sharingChanges';
import type { Explorer } from '../tree/explorer';
import { log } from '../ui/log';
import { notify } from '../ui/notify';
import { askedSteps, asker, readAnswers, type Answer } from '../ui/answers';
import { inputAnswer } from '../ui/commonAnswers';
import { runWizard } from '../ui/wizard';
import { pollIntervalMs } from './createCommon';
import { attempt, azureFailure, inputFailure } from '../ui/failures';
import { galleryCommand, resolveGallery, showGalleryUpdate, splitArgs, withProgress, withQuietProgress, type ManageOptions } from './manageCommon';
import { resetSharingFirst } from './shareReset';

export const SHARE_PUBLICLY_COMMAND = 'azureComputeGallery.sharePublicly';
export const COPY_PUBLIC_NAME_COMMAND = 'azureComputeGallery.copyPublicName';
const TITLE = 'Share Publicly';
const NOTHING_CHANGED = 'Nothing was changed.';

export interface SharePubliclyOptions extends ManageOptions {
  /** The gallery's resource id. */
  gallery?: string;
  /**
   * The community information, for a gallery that does not have it yet. Given, it must be
   * complete (the missing fields are named, nothing is sent); not given, the missing fields are asked.
   */
  community?: Partial<NewCommunityInfo>;
}

// Asked only for what the gallery lacks; each prompt says it becomes public.
const FIELDS: { key: CommunityField; title: string; prompt: (gallery: string) => string; validate: (v: string) => string | undefined; warn?: (v: string) => string | undefined }[] = [
  { key: 'publisherUri', title: 'Publisher website', prompt: (g) => `The publisher's website for ${g}, shown publicly to every Azure user, e.g. https://www.contoso.com/`, validate: validatePublisherUri, warn: publisherUriWarning },
  { key: 'publisherContact', title: 'Publisher e-mail', prompt: (g) => `The publisher's support e-mail for ${g}, shown publicly to every Azure user, e.g. support@contoso.com`, validate: validatePublisherEmail },
  { key: 'eula', title: 'Legal agreement', prompt: (g) => `A link to the legal agreement (EULA) for the images of ${g}, shown publicly, e.g. https://www.contoso.com/eula`, validate: validateLegalAgreementUri, warn: legalAgreementWarning },
  {
    key: 'publicNamePrefix',
    title: 'Public name prefix',
    prompt: (g) => `The prefix of the public name of ${g} (5–16 letters and digits); Azure adds "-" and a GUID. Shown publicly.`,
    validate: validatePublicNamePrefix,
  },
];

type Info = Partial<Record<CommunityField, string>>;

/** The four answers, each read from `community` in the options object. */
function communityAnswers(gallery: string): Answer<Info, SharePubliclyOptions>[] {
  return FIELDS.map((f) =>
    inputAnswer<Info, SharePubliclyOptions>({
      key: f.key,
      label: f.title,
      required: true,
      prompt: f.prompt(gallery),
      keep: 'trimmed',
      validate: (v) => f.validate(v.trim()),
      warn: f.warn ? (v) => f.warn?.(v.trim()) : undefined,
      option: {
        read: (o, s) => {
          if (s[f.key] === undefined && o.community?.[f.key] !== undefined) s[f.key] = o.community[f.key];
        },
        write: (s, o) => {
          o.community = { ...o.community, [f.key]: s[f.key] };
        },
      },
    }),
  );
}

export async function sharePublicly(explorer: Explorer, ...args: unknown[]): Promise<Gallery | undefined> {
  const command = await galleryCommand<SharePubliclyOptions>(explorer, args, TITLE);
  if (!command) return undefined;
  const { node, options, prompter, azure, target, name } = command;

  const [gallery, definitions] = await attempt(`read gallery ${name}`, () =>
    withQuietProgress(`Reading gallery ${name}`, () => Promise.all([azure.getGallery(target, node.gallery.resourceGroup, name), azure.listImageDefinitions(target, node.gallery.resourceGroup, name)])),
  );
  if (gallery.permissions === 'Community' && gallery.community?.enabled) {
    const publicName = gallery.community.publicNames[0] ?? '';
    void notify('info', `${name} is already public as ${publicName}.`, 'Copy Public Name').then((a) => (a ? vscode.env.clipboard.writeText(publicName) : undefined));
    return gallery;
  }
  const { subscriptions, tenants } = sharedIds({ permissions: gallery.permissions, groups: gallery.groups });
  if (gallery.permissions === 'Groups' && subscriptions.length + tenants.length > 0) {
    const whom = [subscriptions.length ? countOf(subscriptions.length, 'subscription') : '', tenants.length ? countOf(tenants.length, 'tenant') : ''].filter(Boolean);
    throw inputFailure(
      TITLE,
      [`${name} is shared directly with ${listInWords(whom)}; a community gallery cannot also be shared directly. Reset its sharing first (they lose access), then share it publicly.`],
      NOTHING_CHANGED,
      resetSharingFirst(node),
    );
  }

  // The community information: what the gallery has (not asked, not checked), then what the options give.
  const info: Info = {};
  const existing = gallery.permissions === 'Community' ? gallery.community : undefined;
  const has = new Set(FIELDS.filter((f) => existing?.[f.key]).map((f) => f.key));
  for (const key of has) info[key] = existing?.[key];
  const answers = communityAnswers(name);
  const read = await readAnswers(answers, options, info, new Set(has));
  if (read.problems.length > 0) throw inputFailure(TITLE, read.problems, NOTHING_CHANGED);
  const missing = missingCommunityInfo(info);
  if (read.interactive && options.community !== undefined) {
    throw inputFailure(
      TITLE,
      [
        `${name} needs its community information first, and the ${listInWords(missing.map((m) => COMMUNITY_FIELD_LABELS[m]))} ${missing.length === 1 ? 'is' : 'are'} missing.`,
        'Give all four (publisherUri, publisherContact, eula, publicNamePrefix), or run Share Publicly… without them to be asked.',
      ],
      NOTHING_CHANGED,
    );
  }
  if (read.interactive && !(await runWizard(TITLE, askedSteps(answers, asker(read, undefined)), info, prompter))) return undefined;
  const community = info as NewCommunityInfo;

  if (!options.confirmed) {
    const lines = whatBecomesPublic({ ...community, publicNames: gallery.community?.publicNames }, definitions);
    const ok = await prompter.confirm({
      message: `Share ${name} publicly? Every Azure user will see it.`,
      detail:
        `Once shared, this is public to everyone who uses Azure:\n\n${lines.map((l) => (l.startsWith('  ') ? `    • ${l.trim()}` : `• ${l}`)).join('\n')}\n\n` +
        'Anyone can create VMs from its image versions. To stop it later, use Reset Sharing (back to private).',
      confirmLabel: 'Share Publicly',
    });
    if (!ok) return undefined;
  }

  let stage: 'switch' | 'enable' = gallery.permissions === 'Community' ? 'enable' : 'switch';
  try {
    const updated = await explorer.busyWhile(node, 'Sharing…', () =>
      withProgress(`Sharing ${name} publicly`, async (report) => {
        if (stage === 'switch') {
          report('making it a community gallery…');
          await azure.updateGallery(target, gallery.resourceGroup, name, { sharing: 'Community', community }, { pollIntervalMs: pollIntervalMs() });
          stage = 'enable';
        }
        report('publishing it to the community…');
        return azure.updateSharing(target, gallery.resourceGroup, name, 'EnableCommunity', [], { pollIntervalMs: pollIntervalMs() });
      }),
    );
    showGalleryUpdate(explorer, node, updated);
    const publicName = updated.community?.publicNames[0] ?? '';
    log().info(`${TITLE}: ${node.resourceId} is public as ${publicName}`);
    void notify('info', `${name} is public: others find it by its public name ${publicName}.`, 'Copy Public Name').then((a) => (a ? vscode.env.clipboard.writeText(publicName) : undefined));
    return updated;
  } catch (error) {
    // Half done (made a community gallery, not published): the tree shows what Azure holds.
    void azure.getGallery(target, gallery.resourceGroup, name).then((g) => showGalleryUpdate(explorer, node, g), () => undefined);
    throw azureFailure(stage === 'switch' ? `make ${name} a community gallery` : `share ${name} publicly`, error);
  }
}

export async function copyPublicName(explorer: Explorer, ...args: unknown[]): Promise<string | undefined> {
  const { node: given, options } = splitArgs<{ gallery?: string }>(args, ['gallery']);
  const node = await resolveGallery(explorer, given, options.gallery, 'Copy Public Name');
  if (!node) return undefined;
  const community = node.gallery.community;
  const publicName = community?.publicNames[0];
  if (node.gallery.permissions !== 'Community' || !publicName) {
    void notify('warning', `${node.gallery.name} has no public name: it is not a community gallery. Share Publicly… gives it one.`);
    return undefined;
  }
  await vscode.env.clipboard.writeText(publicName);
  void vscode.window.setStatusBarMessage(`Copied ${publicName}${community.enabled ? '' : ' (not published yet)'}`, 4000);
  return publicName;
}
