import type { JsonObject } from '../json';
import { compact } from '../json';

export interface ErrorDetail {
  code: string;
  message: string;
  target?: string;
}

/** An error answered the way ARM and the resource providers answer: `{ error: { code, message, target?, details? } }`. */
export class ArmError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly target?: string,
    readonly details?: ErrorDetail[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): JsonObject {
    return {
      error: compact({
        code: this.code,
        message: this.message,
        target: this.target,
        details: this.details?.map((d) => compact({ code: d.code, message: d.message, target: d.target })),
      }),
    };
  }
}

export const invalidParameter = (message: string, target?: string): ArmError =>
  new ArmError(400, 'InvalidParameter', message, target);

export const badRequest = (code: string, message: string, target?: string): ArmError =>
  new ArmError(400, code, message, target);

export const conflict = (code: string, message: string, target?: string): ArmError =>
  new ArmError(409, code, message, target);

/** ARM's wording for a missing top-level resource. */
export function resourceNotFound(typeAndName: string, resourceGroup: string): ArmError {
  return new ArmError(
    404,
    'ResourceNotFound',
    `The Resource '${typeAndName}' under resource group '${resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
  );
}

/** ARM's wording when a nested resource's parent is missing. */
export function parentResourceNotFound(parentName: string): ArmError {
  return new ArmError(404, 'ParentResourceNotFound', `Can not perform requested operation on nested resource. Parent resource '${parentName}' not found.`);
}

export function resourceGroupNotFound(name: string): ArmError {
  return new ArmError(404, 'ResourceGroupNotFound', `Resource group '${name}' could not be found.`);
}

export function authorizationFailed(objectId: string, action: string, scope: string): ArmError {
  return new ArmError(
    403,
    'AuthorizationFailed',
    `The client '${objectId}' with object id '${objectId}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  );
}

export function subscriptionNotFound(subscriptionId: string): ArmError {
  return new ArmError(404, 'SubscriptionNotFound', `The subscription '${subscriptionId}' could not be found.`);
}

export function isArmError(e: unknown): e is ArmError {
  return e instanceof ArmError;
}
