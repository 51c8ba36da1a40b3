// The "As code" lines of a create, update or share summary: copy exactly what is about to be sent as
// Azure CLI commands, Bicep or an ARM template. Pure (no `vscode`), like the wizard.
import { CODE_FORM_LABELS, type CodeForm } from '../model/asCode';
import type { PickEntry } from './wizard';

export type AsCodeChoice = `asCode:${CodeForm}`;

const FORMS: readonly CodeForm[] = ['azureCli', 'bicep', 'armJson'];
const DETAILS: Record<CodeForm, string> = {
  azureCli: 'The az commands that send this request, for bash',
  bicep: 'A Bicep file that deploys this resource to its resource group',
  armJson: 'An ARM template that deploys this resource to its resource group',
};

export function isAsCodeChoice(value: unknown): value is AsCodeChoice {
  return typeof value === 'string' && value.startsWith('asCode:') && FORMS.includes(value.slice(7) as CodeForm);
}

export function formOfChoice(choice: AsCodeChoice): CodeForm {
  return choice.slice(7) as CodeForm;
}

/**
 * The three copy lines under an "As code" heading. `refusals` names a form that cannot say what is
 * sent (a template cannot hold an action such as /share): shown, and picking it says why.
 */
export function asCodeEntries(refusals: Partial<Record<CodeForm, string>> = {}): PickEntry<AsCodeChoice>[] {
  return [
    { separator: 'As code' },
    ...FORMS.map((form) => ({
      label: `$(copy) Copy as ${CODE_FORM_LABELS[form]}`,
      detail: DETAILS[form],
      value: `asCode:${form}` as AsCodeChoice,
      ...(refusals[form] ? { refusal: refusals[form] } : {}),
    })),
  ];
}
