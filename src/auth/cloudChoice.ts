import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../constants';
import { chooseCloud, type CloudChoice } from './chooseCloud';

export type { CloudChoice } from './chooseCloud';

export function configuredCloud(): CloudChoice {
  const own = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const sovereign = vscode.workspace.getConfiguration('microsoft-sovereign-cloud');
  return chooseCloud({
    environment: own.get<string>('environment'),
    customEnvironment: own.get('customEnvironment'),
    sovereignEnvironment: sovereign.get<string>('environment'),
    sovereignCustomEnvironment: sovereign.get('customEnvironment'),
  });
}
