/**
 * What the user configured, as the server knows it: the editor's `govreport.*` settings and the
 * trusted workspace's `.govreport.json` (sent by the client). Features read the resulting
 * analysis options; a change clears the cache and tells listeners (diagnostics re-publish).
 */
import type { AnalyzeOptions } from '../core';
import { DEFAULT_MAX_DOCUMENT_SIZE } from '../protocol';
import { resolveOptions, type EditorSettings, type WorkspaceConfig } from '../config/workspaceConfig';

export class SettingsStore {
  private editor: EditorSettings = {};
  private workspace: WorkspaceConfig | undefined;
  private readonly listeners: (() => void)[] = [];
  /** The options as last resolved: a profile from `.govreport.json` is compiled once per change, not per analysis. */
  private resolved: Pick<AnalyzeOptions, 'profile' | 'severities' | 'maxDocumentSize' | 'references' | 'reuseWarning'> | undefined;

  analysisOptions(): Pick<AnalyzeOptions, 'profile' | 'severities' | 'maxDocumentSize' | 'references' | 'reuseWarning'> {
    if (this.resolved) return this.resolved;
    const size = this.editor.maxDocumentSize;
    const maxDocumentSize = typeof size === 'number' && size > 0 ? size : DEFAULT_MAX_DOCUMENT_SIZE;
    return (this.resolved = { ...resolveOptions(this.editor, this.workspace), maxDocumentSize });
  }

  /** The reviewer's name for Word comments: the editor setting, else `.govreport.json`'s `reviewer`; undefined for the default. */
  reviewer(): string | undefined {
    const r = this.editor.reviewer;
    return typeof r === 'string' && r.trim() ? r.trim() : this.workspace?.reviewer;
  }

  setEditor(settings: EditorSettings): void {
    this.editor = settings;
    this.changed();
  }

  /** `undefined` when there is no valid workspace file or the workspace is not trusted. */
  setWorkspace(config: WorkspaceConfig | undefined): void {
    this.workspace = config;
    this.changed();
  }

  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private changed(): void {
    this.resolved = undefined;
    for (const l of this.listeners) l();
  }
}
