import * as vscode from 'vscode';

export const PROPERTIES_SCHEME = 'azure-compute-gallery';

/** Read-only JSON documents of Azure resources (View Properties): a content provider cannot be edited. */
export class PropertiesDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration: vscode.Disposable;

  constructor() {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(PROPERTIES_SCHEME, this);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  async show(resourceId: string, json: unknown): Promise<vscode.TextEditor> {
    const name = resourceId.split('/').filter(Boolean).pop() ?? 'resource';
    const uri = vscode.Uri.from({ scheme: PROPERTIES_SCHEME, path: `/${name}.json`, query: resourceId.toLowerCase() });
    this.contents.set(uri.toString(), `${JSON.stringify(json, null, 2)}\n`);
    this.changed.fire(uri);
    const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'json');
    return vscode.window.showTextDocument(document, { preview: true });
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
