// Sections of the troubleshooting page, found by heading or anchor, so sections added later
// (wrong_endpoint, ip_not_allowed) are explained without a code change.
import { describe, expect, it } from 'vitest';
import { findTroubleshootingDoc, normaliseCode, parseSections } from '../../src/commands/explain.js';

const PAGE = `# Troubleshooting

Intro text.

## ok
(exit 0) Fine. More words.

**Fix:** nothing.

<a id="wrong_endpoint"></a>
## Wrong endpoint (data residency)
(exit 6) The key's project must be called at another host (\`us.api.openai.com\`).

## IP allowlist {#ip_not_allowed}
(exit 6) The allowlist does not include this machine: the address is named.

## Not a code heading
Ignored.
`;

describe('parseSections', () => {
  it('finds codes by "## code" headings, anchors above a heading, and {#id}', () => {
    const sections = parseSections(PAGE);
    expect(sections.map((s) => s.code)).toEqual(['ok', 'wrong_endpoint', 'ip_not_allowed']);
    expect(sections.map((s) => s.exitCode)).toEqual([0, 6, 6]);
  });

  it('a section ends before the next one (and its anchor), and keeps its Markdown', () => {
    const [ok, endpoint] = parseSections(PAGE);
    expect(ok!.markdown).toBe('## ok\n(exit 0) Fine. More words.\n\n**Fix:** nothing.');
    expect(endpoint!.markdown.startsWith('## Wrong endpoint')).toBe(true);
    expect(endpoint!.markdown).not.toContain('IP allowlist');
  });

  it('summarises with the first sentence, without markup or parentheses', () => {
    const [ok, endpoint, ip] = parseSections(PAGE);
    expect(ok!.summary).toBe('Fine');
    expect(endpoint!.summary).toBe("The key's project must be called at another host");
    expect(ip!.summary).toBe('The allowlist does not include this machine');
  });
});

describe('explain helpers', () => {
  it('normalises a typed code', () => {
    expect(normaliseCode(' No-Credits ')).toBe('no_credits');
  });

  it('finds the page this checkout ships', () => {
    expect(findTroubleshootingDoc()).toMatch(/docs\/troubleshooting\.md$/);
  });
});
