/** Every LSP feature the server offers. One file each; add a feature by adding it here. */
import type { Feature } from '../session';
import { codeLensFeature } from './codeLens';
import { commandsFeature } from './commands';
import { completionFeature } from './completion';
import { codeActionsFeature } from './codeActions';
import { configurationFeature } from './configuration';
import { detectReportFeature } from './detectReport';
import { diagnosticsFeature } from './diagnostics';
import { exportDocxFeature } from './exportDocx';
import { reviewDocxFeature } from './reviewDocx';
import { exportFiguresFeature } from './exportFigures';
import { fixAllCommandFeature } from './fixAllCommand';
import { hoverFeature } from './hover';
import { outlineFeature } from './outline';
import { previewFeature } from './preview';
import { renumberFeature } from './renumber';
import { semanticTokensFeature } from './semanticTokens';
import { similarReportsFeature } from './similarReports';
import { sourceTextFeature } from './sourceText';
import { statusFeature } from './status';
import { checkFolderFeature } from './checkFolder';
import { assessorPageFeature } from './assessorPage';

export const features: readonly Feature[] = [
  outlineFeature,
  diagnosticsFeature,
  detectReportFeature,
  codeActionsFeature,
  fixAllCommandFeature,
  renumberFeature,
  configurationFeature,
  hoverFeature,
  exportFiguresFeature,
  completionFeature,
  codeLensFeature,
  commandsFeature,
  semanticTokensFeature,
  sourceTextFeature,
  exportDocxFeature,
  reviewDocxFeature,
  previewFeature,
  similarReportsFeature,
  statusFeature,
  checkFolderFeature,
  assessorPageFeature,
];
