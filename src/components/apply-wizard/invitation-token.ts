const TAB_KEY = 'cec-apply-token:';

/**
 * The invitation token: the `token` attribute; else `?token=` of the page's address, which is removed
 * from the address bar and remembered for this tab and this page (session storage) so that a reload,
 * Back/Forward or a restored tab finds it again; else the one this tab remembers. The token never goes
 * back into the address, the history state or a log.
 *
 * @example
 * // https://portal.example.com/apply?token=abc → the address becomes https://portal.example.com/apply
 * takeInvitationToken(undefined) // 'abc', and 'abc' again after a reload
 */
export function takeInvitationToken(attribute: string | undefined): string | undefined {
  if (attribute) return attribute;
  const url = new URL(window.location.href);
  const fromAddress = url.searchParams.get('token');
  const key = TAB_KEY + url.pathname;
  if (fromAddress) {
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url);
    try {
      sessionStorage.setItem(key, fromAddress);
    } catch {
      // storage disabled: a reload then shows the invalid-link page, as without this memory
    }
    return fromAddress;
  }
  try {
    return sessionStorage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}
