/**
 * Crash-test hook. When SKILLMARK_FAILPOINT names this point, the process kills itself with
 * SIGKILL right here, as a power cut would. The crash tests use it to stop a real issuer between
 * two steps of the anchoring protocol; in normal operation it costs one string comparison.
 */
export function failpoint(name: string): void {
  if (process.env.SKILLMARK_FAILPOINT === name) process.kill(process.pid, 'SIGKILL');
}
