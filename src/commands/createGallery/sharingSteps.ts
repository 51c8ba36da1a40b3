// What the gallery says and who sees it: description → sharing (Private, Direct share, Community)
// → the community publisher details, asked only for a community gallery.
import type { SharingPermission } from '../../azure/types';
import { describeSharingKind } from '../../model/sharing';
import type { Answer } from '../../ui/answers';
import { inputAnswer, pickAnswer } from '../../ui/commonAnswers';
import type { Prompter } from '../../ui/wizard';
import { COMMUNITY_FIELDS, SHARING_ICONS, SHARING_KINDS, SHARING_LABELS, type CommunityKey, type CreateGalleryOptions, type State } from './types';

type GalleryAnswer = Answer<State, CreateGalleryOptions>;

export function descriptionAnswer(): GalleryAnswer {
  return inputAnswer<State, CreateGalleryOptions>({
    key: 'description',
    label: 'Description',
    prompt: 'Optional: what the gallery holds (leave it empty for none)',
    placeholder: 'e.g. Golden images for production workloads',
    keep: 'optional',
    summary: (s) => s.description ?? '(none)',
  });
}

export function sharingAnswer(): GalleryAnswer {
  return pickAnswer<State, CreateGalleryOptions, SharingPermission>({
    key: 'sharing',
    label: 'Sharing',
    required: true,
    allowed: { values: SHARING_KINDS, hint: 'Use Private, Groups (direct share) or Community.' },
    summary: (s) => SHARING_LABELS[s.sharing ?? 'Private'],
    placeholder: 'Who besides people you grant access with Azure RBAC can use the images?',
    items: () => SHARING_KINDS.map((k) => ({ label: `$(${SHARING_ICONS[k]}) ${SHARING_LABELS[k]}`, detail: sentence(describeSharingKind(k).replace(/^[^:]*:\s*/, '')), value: k })),
    suggest: () => 'Private',
    set: async (s, kind, p: Prompter) => {
      if (kind === 'Community' && !s.publicNoticeSeen) {
        const ok = await p.confirm({
          message: 'A community gallery shows its publisher details publicly.',
          detail:
            'The publisher website, e-mail address, legal agreement link and public name you enter next are shown to every Azure user once community sharing is enabled on the gallery. Continue with a community gallery?',
          confirmLabel: 'Continue',
        });
        if (!ok) return 'again';
        s.publicNoticeSeen = true;
      }
      s.sharing = kind;
      return undefined;
    },
  });
}

const isCommunity = (s: State) => s.sharing === 'Community';

/** The publisher details, read from and written to the options' `community` object. */
export function communityAnswers(): GalleryAnswer[] {
  return COMMUNITY_FIELDS.map((f) =>
    inputAnswer<State, CreateGalleryOptions>({
      key: f.key,
      label: f.title,
      required: isCommunity,
      option: {
        read: (o, s) => {
          s[f.key] ??= o.community?.[f.key];
        },
        write: (s, o) => {
          if (isCommunity(s)) o.community = { ...o.community, [f.key]: s[f.key as CommunityKey] };
        },
      },
      summary: (s) => (!isCommunity(s) ? undefined : f.key === 'publicNamePrefix' ? { label: 'Public name', value: `${s.publicNamePrefix ?? ''}-<GUID Azure adds>` } : s[f.key] ?? ''),
      prompt: f.prompt,
      when: isCommunity,
      validate: f.validate,
      warn: 'warn' in f ? f.warn : undefined,
    }),
  );
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
