/**
 * The port of the test SMTP server for an e2e web server port: fixed per worktree, apart from other worktrees' servers.
 * @param {string | number} webPort
 * @returns {number}
 */
export function e2eSmtpPort(webPort) {
  return Number(webPort) + 1400;
}
