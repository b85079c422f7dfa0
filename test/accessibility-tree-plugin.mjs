/**
 * The test-runner command `accessibility-tree`: Chromium's own accessibility tree of the test page (through
 * the DevTools protocol), as nested `{ role, name, children }` with ignored nodes left out, their children
 * lifted up. What a screen reader is given, which the DOM and CSS alone cannot tell (a table whose CSS
 * display changed may or may not still be a table).
 */
export function accessibilityTreePlugin() {
  return {
    name: 'accessibility-tree-command',
    async executeCommand({ command, session }) {
      if (command !== 'accessibility-tree') return undefined;
      if (session.browser.type !== 'playwright') throw new Error('accessibility-tree needs the Playwright launcher.');
      const page = session.browser.getPage(session.id);
      const cdp = await page.context().newCDPSession(page);
      try {
        const { nodes } = await cdp.send('Accessibility.getFullAXTree');
        const byId = new Map(nodes.map((node) => [node.nodeId, node]));
        const build = (node) => {
          const children = (node.childIds ?? []).flatMap((id) => (byId.has(id) ? build(byId.get(id)) : []));
          if (node.ignored) return children;
          return [{ role: node.role?.value ?? '', name: node.name?.value ?? '', children }];
        };
        return build(nodes.find((node) => !node.parentId) ?? nodes[0]);
      } finally {
        await cdp.detach();
      }
    },
  };
}
