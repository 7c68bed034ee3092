// Every diagnosis has wording, a troubleshooting section (anchor = code) and only known page URLs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnosisText } from '../../../src/content/diagnosis-text.js';
import { DIAGNOSIS_CODES } from '../../../src/key/diagnoses.js';
import { URLS } from '../../../src/platform/urls.js';

const doc = readFileSync(new URL('../../../docs/troubleshooting.md', import.meta.url), 'utf8');

describe('docs/troubleshooting.md', () => {
  it.each(DIAGNOSIS_CODES)('has a "## %s" section', (code) => {
    expect(doc).toMatch(new RegExp(`^## ${code}$`, 'm'));
  });

  it('has sections in the order of the contract table, and no others', () => {
    expect([...doc.matchAll(/^## (\S+)$/gm)].map((m) => m[1])).toEqual([...DIAGNOSIS_CODES]);
  });

  it('links only pages from src/platform/urls.ts', () => {
    const known = new Set<string>(Object.values(URLS));
    const links = [...doc.matchAll(/https:\/\/[^\s)`]+/g)].map((m) => m[0].replace(/[.,;]$/, ''));
    // API base URLs (https://api.openai.com/v1, https://us.api.openai.com/v1) are values to set, not pages.
    const apiBase = (l: string) => /^https:\/\/(?:[a-z]{2}\.)?api\.openai\.com(?:\/v1)?$/.test(l);
    expect(links.filter((l) => !known.has(l) && !apiBase(l))).toEqual([]);
  });
});

describe('diagnosis wording', () => {
  it.each(DIAGNOSIS_CODES)('%s has a summary and a fix', (code) => {
    const w = diagnosisText(code, { facts: {}, baseUrl: 'https://api.openai.com/v1' });
    expect(w.summary.length).toBeGreaterThan(20);
    expect(w.fix.length).toBeGreaterThan(10);
  });
});
