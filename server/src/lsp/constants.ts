/** Public protocol names: other editors and the client depend on them. Add, don't rename. */
export const LANGUAGE_ID = 'govreport';
/** Server → client notification `{ uri }`: a plain-text document looks like a report. */
export const LOOKS_LIKE_REPORT = 'govreport/looksLikeReport';
/** Client → server notification `{ config }`: the trusted workspace's parsed `.govreport.json`, or null. */
export const WORKSPACE_CONFIG = 'govreport/workspaceConfig';
