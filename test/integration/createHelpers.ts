// Shared by the create*.test.ts suites: the emulator's state, recorded notifications, and the
// prompter that answers the create flows from a script.
import assert from 'node:assert/strict';
import type { EmulatorState, StoredResource } from '../emulator/state';
import type { Notification } from '../../src/ui/notify';
import type { ConfirmRequest } from '../../src/ui/wizard';
import { emulatorAdmin, eventually, extensionApi, signInToLocalAzure, signOut } from './helpers';

export { ScriptedPrompter, type ScriptedAnswer } from '../support/scriptedPrompter';
export { BACK, CANCEL } from '../../src/ui/wizard';

export const PRODUCTION = '00000000-0000-4000-8000-00000000a001';
export const RG_IMAGES = `/subscriptions/${PRODUCTION}/resourceGroups/rg-images`;
export const RG_BUILDS = `/subscriptions/${PRODUCTION}/resourceGroups/rg-image-builds`;
export const GALLERY_ID = `${RG_IMAGES}/providers/Microsoft.Compute/galleries/contoso_images`;
export const UBUNTU_ID = `${GALLERY_ID}/images/ubuntu-22.04-lts`;
export const WINDOWS_ID = `${GALLERY_ID}/images/windows-server-2022`;

export async function emulatorState(): Promise<EmulatorState> {
  return (await emulatorAdmin('GET', '/_admin/state')) as EmulatorState;
}

export function resource(state: EmulatorState, id: string): StoredResource | undefined {
  return state.resources[id.toLowerCase()];
}

/** Everything a create could leave behind: resource ids and resource groups. */
export async function inventory(): Promise<string[]> {
  const state = await emulatorState();
  return [...Object.keys(state.resources), ...state.resourceGroups.map((g) => `${g.subscriptionId}/${g.name}`.toLowerCase())].sort();
}

/** Records what the create commands tell the user, and answers confirmations. */
export class UiRecorder {
  readonly notifications: Notification[] = [];
  readonly confirmations: ConfirmRequest[] = [];
  /** Clicks an action of a notification (the user's answer), if it returns one. */
  respond: ((notification: Notification) => string | undefined) | undefined;

  async install(): Promise<void> {
    const api = await extensionApi();
    api.testHooks.setNotificationListener((n) => {
      this.notifications.push(n);
      return this.respond?.(n);
    });
    api.testHooks.setConfirmHandler((request) => {
      this.confirmations.push(request);
      return true;
    });
  }

  async uninstall(): Promise<void> {
    const api = await extensionApi();
    api.testHooks.setNotificationListener(undefined);
    api.testHooks.setConfirmHandler(undefined);
  }

  clear(): void {
    this.respond = undefined;
    this.notifications.length = 0;
    this.confirmations.length = 0;
  }

  /** Waits for a notification of `kind` whose message matches. */
  async waitFor(kind: Notification['kind'], message: RegExp, timeoutMs = 30_000): Promise<Notification> {
    return eventually(async () => {
      const found = this.notifications.find((n) => n.kind === kind && message.test(n.message));
      assert.ok(found, `no ${kind} notification matching ${message}; got: ${this.notifications.map((n) => `[${n.kind}] ${n.message}`).join(' | ') || 'none'}`);
      return found;
    }, timeoutMs);
  }

  errors(): string[] {
    return this.notifications.filter((n) => n.kind === 'error').map((n) => n.message);
  }
}

/**
 * A suite's session: a fresh demo seed and the service principal signed in before it, what the
 * extension tells the user recorded (and confirmations answered) during it, signed out and the
 * seed reset after it.
 */
export function useDemoSession(options: { replicationMs?: number; cleanUp?: () => Promise<void> } = {}): UiRecorder {
  const ui = new UiRecorder();
  before(async () => {
    await emulatorAdmin('POST', '/_admin/reset', { seed: 'demo' });
    if (options.replicationMs !== undefined) await emulatorAdmin('POST', '/_admin/config', { replication: { durationMs: options.replicationMs, failRegions: [] } });
    await extensionApi();
    await signInToLocalAzure();
    await ui.install();
  });
  after(async () => {
    await ui.uninstall();
    // The suite's own knobs back to where it found them, before signing out.
    await options.cleanUp?.();
    await signOut();
    // Back to the speed the integration runner starts the local Azure with.
    if (options.replicationMs !== undefined) await emulatorAdmin('POST', '/_admin/config', { replication: { durationMs: 4000, failRegions: [] } });
    await emulatorAdmin('POST', '/_admin/reset', { seed: 'demo' });
  });
  beforeEach(() => ui.clear());
  return ui;
}
