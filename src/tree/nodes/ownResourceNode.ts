// What every node of an own resource (gallery, image definition, image version) answers the same
// way from its resource id and target: its tree id, its ARM reference and its portal link.
import type { AzureTarget } from '../../azure/types';
import type { ArmResource } from '../../model/armId';
import { armReferenceOf, portalLinkOf, type HasPortalLink, type OwnResource } from '../capabilities';

export abstract class OwnResourceNode implements OwnResource, HasPortalLink {
  abstract readonly resourceId: string;
  abstract readonly target: AzureTarget;

  /** From the resource id, so a refresh keeps the row (and its expansion). */
  get id(): string {
    return `acg${this.resourceId.toLowerCase()}`;
  }

  armReference(): ArmResource {
    return armReferenceOf(this.resourceId);
  }

  portalLink(): string | undefined {
    return portalLinkOf(this.resourceId, this.target);
  }
}
