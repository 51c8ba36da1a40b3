// As code: "Copy as Azure CLI / Bicep / ARM JSON" in the create, update and share summaries, and
// "Export as …" on a gallery (with its definitions, VM applications and their versions), a
// definition or VM application (with its versions) or a version. The text comes from the request
// itself (src/model/asCode.ts): for a write, the one the flow would send, previewed through the same
// Azure call (src/azure/capture.ts).
import * as vscode from 'vscode';
import type { AzureTarget } from '../azure/types';
import { applyMergePatch, codeOf, CODE_FORM_LABELS, CODE_FORM_LANGUAGES, parseRequest, parseResourcePath, writableBody, type ArmRequest, type CodeForm } from '../model/asCode';
import { isOwnResource } from '../tree/capabilities';
import type { Explorer } from '../tree/explorer';
import { formOfChoice, type AsCodeChoice } from '../ui/asCodeItems';
import { log } from '../ui/log';
import { notify } from '../ui/notify';
import { pickNode } from '../ui/pickNode';
import { waitCancellably } from './createCommon';

/**
 * What a template deploys for these requests: a PUT as it is; a PATCH as the resource it leaves
 * behind (Azure's JSON now, less what Azure alone sets, with the patch merged in), since a
 * template describes resources whole. Other requests (actions) stay as they are.
 */
async function asResources(explorer: Explorer, target: AzureTarget, requests: readonly ArmRequest[]): Promise<ArmRequest[]> {
  return Promise.all(
    requests.map(async (request) => {
      const parsed = parseRequest(request);
      const path = parseResourcePath(parsed.path);
      if (parsed.method !== 'PATCH' || !path) return request;
      const now = writableBody(path.type, await explorer.azure().getResourceJson(target, parsed.path));
      return { method: 'PUT', url: request.url, body: applyMergePatch(now, request.body) };
    }),
  );
}

/** Copies the chosen form of what `requests` gives (the flow's preview) to the clipboard. */
export async function copyAsCode(explorer: Explorer, target: AzureTarget, choice: AsCodeChoice, requests: () => Promise<ArmRequest[]>): Promise<string | undefined> {
  const form = formOfChoice(choice);
  let sent: ArmRequest[];
  let text: string;
  try {
    sent = await requests();
    text = codeOf(form, form === 'azureCli' ? sent : await asResources(explorer, target, sent));
  } catch (error) {
    // The summary stays open: what is wrong is said, and the answers can still be changed.
    void notify('warning', `Could not copy as ${CODE_FORM_LABELS[form]}: ${(error as Error).message}`);
    return undefined;
  }
  await vscode.env.clipboard.writeText(text);
  log().info(`Copied as ${CODE_FORM_LABELS[form]}: ${sent.map((r) => `${r.method} ${parseRequest(r).path}`).join(', ')}`);
  void vscode.window.setStatusBarMessage(`Copied as ${CODE_FORM_LABELS[form]}`, 4000);
  return text;
}

/** An untitled editor in the form's language (plain text where VS Code does not know it, e.g. Bicep without its extension). */
async function openCode(form: CodeForm, text: string): Promise<vscode.TextDocument> {
  const wanted = CODE_FORM_LANGUAGES[form];
  const language = (await vscode.languages.getLanguages()).includes(wanted) ? wanted : 'plaintext';
  const document = await vscode.workspace.openTextDocument({ language, content: text });
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

const EXPORTABLE = ['gallery', 'imageDefinition', 'imageVersion', 'galleryApplication', 'applicationVersion'] as const;

function exportCommand(explorer: Explorer, form: CodeForm) {
  return async (node?: unknown, options?: { abortSignal?: AbortSignal }): Promise<vscode.TextDocument | undefined> => {
    const accept = (n: unknown) => isOwnResource(n, [...EXPORTABLE]);
    const picked = accept(node) ? node : await pickNode(explorer, { title: `Export as ${CODE_FORM_LABELS[form]}`, accept });
    if (!picked || !isOwnResource(picked, [...EXPORTABLE])) return undefined;
    const name = picked.resourceId.split('/').pop() ?? '';
    const read = await waitCancellably(`Reading ${name} for export`, options?.abortSignal, (abortSignal) => explorer.azure().exportRequestsOf(picked.target, picked.resourceId, { abortSignal }));
    if (!read) return undefined;
    log().info(`Export as ${CODE_FORM_LABELS[form]}: ${read.value.length} resource(s) from ${picked.resourceId}`);
    return openCode(form, codeOf(form, read.value));
  };
}

export function asCodeCommands(explorer: Explorer) {
  return {
    'azureComputeGallery.exportAsBicep': exportCommand(explorer, 'bicep'),
    'azureComputeGallery.exportAsArmJson': exportCommand(explorer, 'armJson'),
    'azureComputeGallery.exportAsAzureCli': exportCommand(explorer, 'azureCli'),
  };
}
