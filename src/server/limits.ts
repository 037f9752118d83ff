/** Largest upload the server accepts by default (the CLI shows it in `concord serve --help` without loading the server). */
export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
