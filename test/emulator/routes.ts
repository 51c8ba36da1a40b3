import type { Emulator } from './emulator';
import { registerIdentityRoutes } from './identity';
import { registerSubscriptions } from './subscriptions';
import { registerResourceGroups } from './resourceGroups';
import { registerOperations } from './arm/operations';
import { registerGalleries } from './compute/galleries';
import { registerImages } from './compute/images';
import { registerVersions } from './compute/versions';
import { registerApplications } from './compute/applications';
import { registerScripts } from './compute/scripts';
import { registerSharing } from './compute/sharing';
import { registerSources } from './compute/sources';
import { registerKeysAndStorage, registerStorageData } from './compute/keysAndStorage';
import { registerSkus } from './compute/skus';
import { registerAuthorization } from './authorization';
import { registerGraph } from './graph';
import { registerResourceGraph } from './resourceGraph';
import { registerDeployments } from './deployments';
import { dispatchInternal } from './server';
import { registerNetwork } from './network';
import { registerVirtualMachineWrites } from './compute/virtualMachines';

/** Order matters only where templates overlap: specific paths first, `{*scope}` routes last. */
export function registerRoutes(emu: Emulator): void {
  registerIdentityRoutes(emu);
  registerGraph(emu);
  registerSubscriptions(emu);
  registerResourceGroups(emu);
  registerOperations(emu);
  registerSharing(emu);
  registerGalleries(emu);
  registerImages(emu);
  registerVersions(emu);
  registerApplications(emu);
  registerScripts(emu);
  registerSources(emu);
  registerSkus(emu);
  registerKeysAndStorage(emu);
  registerStorageData(emu);
  registerAuthorization(emu);
  registerResourceGraph(emu);
  registerDeployments(emu, dispatchInternal);
  registerNetwork(emu);
  registerVirtualMachineWrites(emu);
}
