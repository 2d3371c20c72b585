/**
 * Settings: pulls `govreport` (rules, profile) with workspace/configuration at start and on
 * every didChangeConfiguration; takes the trusted workspace's `.govreport.json` from the client's
 * `govreport/workspaceConfig` notification, validated against its schema (an invalid file, a
 * pattern in it refused as unsafe included, is shown to the user and logged, and ignored: the
 * built-in profiles apply).
 */
import { MessageType, ShowMessageNotification } from 'vscode-languageserver';
import { checkWorkspaceConfig, type EditorSettings } from '../../config/workspaceConfig';
import { NOTIFICATIONS, SETTINGS } from '../../protocol';
import type { Feature } from '../session';

export const configurationFeature: Feature = {
  register({ connection, settings, clientCapabilities, onInitialized }) {
    const pull = async (pushed?: unknown) => {
      if (clientCapabilities().workspace?.configuration) {
        const s = (await connection.workspace.getConfiguration(SETTINGS.section)) as EditorSettings | null;
        settings.setEditor(s ?? {});
      } else if (pushed && typeof pushed === 'object' && SETTINGS.section in pushed) {
        settings.setEditor((pushed as Record<string, EditorSettings | undefined>)[SETTINGS.section] ?? {});
      }
    };
    onInitialized(() => void pull());
    connection.onDidChangeConfiguration((p) => void pull(p.settings));
    connection.onNotification(NOTIFICATIONS.workspaceConfig, (p: { config: unknown }) => {
      if (p?.config === null || p?.config === undefined) return settings.setWorkspace(undefined);
      const checked = checkWorkspaceConfig(p.config);
      if (!checked.ok) {
        const message = `.govreport.json 无效，已忽略，使用内置配置 (invalid, ignored: built-in profiles apply): ${checked.errors.join('; ')}`;
        connection.console.warn(message);
        // A notification, not showWarningMessage's request: nothing to answer, any client shows it.
        void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
        return settings.setWorkspace(undefined);
      }
      settings.setWorkspace(checked.value);
    });
  },
};
