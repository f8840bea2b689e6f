import * as vscode from 'vscode';
import { parseSettings, type RoutewiseSettings } from '../core/model/settings';

export interface ExtensionSettings {
  enable: boolean;
  run: 'onType' | 'onSave';
  lint: RoutewiseSettings;
  problems: string[];
}

/** Reads `routewise.*` for a resource (per-folder settings win, as configured in the manifest). */
export function readSettings(scope?: vscode.Uri): ExtensionSettings {
  const config = vscode.workspace.getConfiguration('routewise', scope);
  const { settings, problems } = parseSettings({
    rules: config.get('rules'),
    authMiddleware: config.get('authMiddleware'),
    validationMiddleware: config.get('validationMiddleware'),
    rateLimitMiddleware: config.get('rateLimitMiddleware'),
    lintTestFiles: config.get('lintTestFiles'),
  });
  return {
    enable: config.get<boolean>('enable', true),
    run: config.get<string>('run', 'onType') === 'onSave' ? 'onSave' : 'onType',
    lint: settings,
    problems,
  };
}
