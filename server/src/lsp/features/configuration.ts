/**
 * Settings: pulls `govreport` (rules, profile) with workspace/configuration at start and on
 * every didChangeConfiguration; takes the trusted workspace's `.govreport.json` from the client's
 * `govreport/workspaceConfig` notification, validated against its schema (an invalid file is
 * reported in the log and ignored).
 */
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
        connection.console.warn(`.govreport.json ignored: ${checked.errors.join('; ')}`);
        return settings.setWorkspace(undefined);
      }
      settings.setWorkspace(checked.value);
    });
  },
};
