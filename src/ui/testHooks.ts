import { setConfirmHandler, type ConfirmHandler } from './confirm';
import { setNotificationListener, type NotificationListener } from './notify';

/**
 * What the extension-host tests reach through the extension's API (they are bundled separately,
 * so importing these modules would give them their own copies): answer confirmations, read
 * notifications. Nothing else uses them.
 */
export interface UiTestHooks {
  setConfirmHandler(handler: ConfirmHandler | undefined): void;
  setNotificationListener(listener: NotificationListener | undefined): void;
}

export const uiTestHooks: UiTestHooks = { setConfirmHandler, setNotificationListener };
