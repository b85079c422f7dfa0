/**
 * A byte count as people read it: "10 MB", "512 KB" (1 KB = 1024 bytes).
 *
 * @example
 * formatBytes(10 * 1024 * 1024) // '10 MB'
 */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} B`;
}
