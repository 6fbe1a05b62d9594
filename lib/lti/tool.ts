/** Where this tool lives; the LTI routes are fixed by DESIGN.md. */
export type ToolUrls = {
  baseUrl: string;
  origin: string;
  loginUrl: string;
  launchUrl: string;
  jwksUrl: string;
  registerUrl: string;
};

export function toolUrls(baseUrl: string): ToolUrls {
  const base = new URL(baseUrl);
  if (base.search || base.hash) throw new Error(`The tool base URL must have no query or fragment: ${baseUrl}`);
  const root = base.href.endsWith('/') ? base.href : `${base.href}/`;
  const at = (path: string) => new URL(path, root).href;
  return {
    baseUrl: root,
    origin: base.origin,
    loginUrl: at('lti/login'),
    launchUrl: at('lti/launch'),
    jwksUrl: at('lti/jwks'),
    registerUrl: at('lti/register'),
  };
}

/**
 * True when the URL points into this tool (same origin, under the base path). Launches only
 * ever redirect to such URLs, so a platform cannot turn the tool into an open redirect.
 */
export function isToolUrl(tool: ToolUrls, value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.origin !== tool.origin || url.username || url.password) return false;
  const basePath = new URL(tool.baseUrl).pathname;
  return url.pathname.startsWith(basePath) || `${url.pathname}/` === basePath;
}
