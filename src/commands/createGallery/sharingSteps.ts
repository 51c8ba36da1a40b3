// What the gallery says and who sees it: description → sharing (Private, Direct share, Community)
// → the community publisher details, asked only for a community gallery.
import type { SharingPermission } from '../../azure/types';
import { describeSharingKind } from '../../model/sharing';
import { inputStep, pickStep, type Prompter, type Step } from '../../ui/wizard';
import { COMMUNITY_FIELDS, SHARING_ICONS, SHARING_KINDS, SHARING_LABELS, type CommunityKey, type State, type StepContext } from './types';

export function sharingSteps({ ask }: StepContext): Step<State>[] {
  return [
    inputStep<State>({
      title: 'Description',
      prompt: 'Optional: what the gallery holds (leave it empty for none)',
      placeholder: 'e.g. Golden images for production workloads',
      when: () => ask('description'),
      get: (s) => s.description,
      set: (s, v) => (s.description = v.trim() || undefined),
    }),
    pickStep<State, SharingPermission>({
      title: 'Sharing',
      placeholder: 'Who besides people you grant access with Azure RBAC can use the images?',
      when: () => ask('sharing'),
      items: () => SHARING_KINDS.map((k) => ({ label: `$(${SHARING_ICONS[k]}) ${SHARING_LABELS[k]}`, detail: sentence(describeSharingKind(k).replace(/^[^:]*:\s*/, '')), value: k })),
      get: (s) => s.sharing,
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
    }),
    ...COMMUNITY_FIELDS.map((f) =>
      inputStep<State>({
        title: f.title,
        prompt: f.prompt,
        when: (s) => s.sharing === 'Community' && ask(f.key),
        get: (s) => s[f.key as CommunityKey],
        set: (s, v) => (s[f.key as CommunityKey] = v),
        validate: f.validate,
        warn: 'warn' in f ? f.warn : undefined,
      }),
    ),
  ];
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
