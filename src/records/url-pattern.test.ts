import { describe, expect, it } from 'vitest';
import {
  browserMatchPatterns,
  lookupHosts,
  parsePattern,
  patternProblem,
  toMatchPattern,
  urlMatchesAny,
} from './url-pattern';

const matches = (pattern: string, url: string) => urlMatchesAny([pattern], new URL(url));

describe('URL patterns', () => {
  it('match the page whatever its scheme, fragment, trailing slash or tracking parameters', () => {
    const p = 'www.anthropic.com/legal/consumer-terms';
    expect(matches(p, 'https://www.anthropic.com/legal/consumer-terms')).toBe(true);
    expect(matches(p, 'https://www.anthropic.com/legal/consumer-terms/')).toBe(true);
    expect(matches(p, 'http://www.anthropic.com/legal/consumer-terms#section-3')).toBe(true);
    expect(matches(p, 'https://www.anthropic.com/legal/consumer-terms?utm_source=x')).toBe(true);
  });

  it('do not match a neighbouring page or another host', () => {
    const p = 'www.anthropic.com/legal/consumer-terms';
    expect(matches(p, 'https://www.anthropic.com/legal/consumer-terms-archive')).toBe(false);
    expect(matches(p, 'https://www.anthropic.com/legal/commercial-terms')).toBe(false);
    expect(matches(p, 'https://evil.example/www.anthropic.com/legal/consumer-terms')).toBe(false);
    expect(matches(p, 'https://anthropic.com.evil.example/legal/consumer-terms')).toBe(false);
    expect(matches(p, 'file:///www.anthropic.com/legal/consumer-terms')).toBe(false);
  });

  it('support wildcards in the path and any subdomain with *.', () => {
    expect(matches('openai.com/policies/*terms-of-use', 'https://openai.com/policies/eu-terms-of-use/')).toBe(true);
    expect(matches('*.spotify.com/*/legal/end-user-agreement', 'https://www.spotify.com/us/legal/end-user-agreement/')).toBe(true);
    expect(matches('*.spotify.com/*/legal/end-user-agreement', 'https://spotify.com/se/legal/end-user-agreement')).toBe(true);
    expect(matches('*.spotify.com/*/legal/end-user-agreement', 'https://notspotify.com/se/legal/end-user-agreement')).toBe(false);
  });

  it('require the listed query parameters, for sites that name the page only in the query', () => {
    const p = 'www.amazon.com/gp/help/customer/display.html?nodeId=201909000';
    expect(matches(p, 'https://www.amazon.com/gp/help/customer/display.html?ie=UTF8&nodeId=201909000')).toBe(true);
    expect(matches(p, 'https://www.amazon.com/gp/help/customer/display.html?nodeId=GX7NJQ4ZB8MHFRNJ')).toBe(false);
  });

  it('match a {locale} segment: the same document read in another country or language', () => {
    const spotify = 'www.spotify.com/{locale}/legal/end-user-agreement';
    expect(matches(spotify, 'https://www.spotify.com/us/legal/end-user-agreement/')).toBe(true);
    expect(matches(spotify, 'https://www.spotify.com/uk/legal/end-user-agreement/')).toBe(true);
    expect(matches(spotify, 'https://www.spotify.com/de/legal/end-user-agreement')).toBe(true);
    expect(matches(spotify, 'https://www.spotify.com/ca-en/legal/end-user-agreement/#s5')).toBe(true);
    expect(matches(spotify, 'https://www.spotify.com/uk/legal/end-user-agreement/?utm_source=newsletter&ref=footer')).toBe(true);
    const microsoft = 'www.microsoft.com/{locale}/servicesagreement';
    expect(matches(microsoft, 'https://www.microsoft.com/en-gb/servicesagreement/')).toBe(true);
    expect(matches(microsoft, 'https://www.microsoft.com/en-us/servicesagreement')).toBe(true);
    expect(matches('openai.com/{locale}/policies/eu-terms-of-use', 'https://openai.com/de-DE/policies/eu-terms-of-use/')).toBe(true);
    expect(matches('foundation.wikimedia.org/wiki/Policy:Terms_of_Use/{locale}', 'https://foundation.wikimedia.org/wiki/Policy:Terms_of_Use/zh-hans')).toBe(true);
    const amazon = 'www.amazon.com/-/{locale}/gp/help/customer/display.html*?nodeId=508088';
    expect(matches(amazon, 'https://www.amazon.com/-/es/gp/help/customer/display.html?nodeId=508088&ref_=footer_cou')).toBe(true);
    expect(matches(amazon, 'https://www.amazon.com/-/es/gp/help/customer/display.html?nodeId=468496')).toBe(false);
  });

  it('let {locale} stand for one country or language code only, so other pages stay unmatched', () => {
    const spotify = 'www.spotify.com/{locale}/legal/end-user-agreement';
    expect(matches(spotify, 'https://www.spotify.com/uk/legal/privacy-policy/')).toBe(false);
    expect(matches(spotify, 'https://www.spotify.com/uk/legal/support-community-end-user-agreement/')).toBe(false);
    expect(matches(spotify, 'https://www.spotify.com/legal/end-user-agreement/')).toBe(false);
    expect(matches(spotify, 'https://www.spotify.com/us/uk/legal/end-user-agreement/')).toBe(false);
    expect(matches(spotify, 'https://www.spotify.com/music/legal/end-user-agreement/')).toBe(false);
    expect(matches(spotify, 'https://www.spotify.com/u/legal/end-user-agreement/')).toBe(false);
    expect(matches('www.microsoft.com/{locale}/servicesagreement', 'https://www.microsoft.com/en-gb/servicesagreement/faq')).toBe(false);
    expect(matches('www.apple.com/legal/privacy/{locale}', 'https://www.apple.com/legal/privacy/data/')).toBe(false);
    expect(matches('www.apple.com/legal/privacy/{locale}', 'https://www.apple.com/legal/privacy/en-ww/cookies/')).toBe(false);
  });

  it('treat regex characters in the path literally', () => {
    expect(matches('example.com/a.b(c)', 'https://example.com/a.b(c)')).toBe(true);
    expect(matches('example.com/a.b', 'https://example.com/aXb')).toBe(false);
  });

  it('explain malformed patterns', () => {
    expect(patternProblem('https://example.com/terms')).toMatch(/host\/path/);
    expect(patternProblem('Example.com/terms')).toMatch(/lowercase/);
    expect(patternProblem('example.com')).not.toBeNull();
    expect(patternProblem('example.com/terms')).toBeNull();
    expect(() => parsePattern('nope')).toThrow(/invalid URL pattern/);
  });

  it('reject braces anywhere but a whole {locale} path segment, saying where they may go', () => {
    for (const pattern of [
      'www.spotify.com/{lang}/legal/end-user-agreement',
      'www.spotify.com/{locale}x/legal/end-user-agreement',
      'www.spotify.com/legal-{locale}/end-user-agreement',
      'www.spotify.com/{locale/legal/end-user-agreement',
      'www.spotify.com/{{locale}}/legal/end-user-agreement',
      'policies.google.com/terms?hl={locale}',
    ]) {
      expect(patternProblem(pattern), pattern).toMatch(/braces only for a whole \{locale\} path segment/);
      expect(() => parsePattern(pattern), pattern).toThrow(/invalid URL pattern/);
      expect(() => toMatchPattern(pattern), pattern).toThrow(/invalid URL pattern/);
    }
    expect(patternProblem('{locale}.spotify.com/legal/end-user-agreement')).toMatch(/host\/path/);
    expect(patternProblem('www.spotify.com/{locale}/legal/end-user-agreement')).toBeNull();
    expect(patternProblem('www.apple.com/{locale}/legal/privacy/{locale}')).toBeNull();
  });

  it('list a page host and its parent domains for the by-host index', () => {
    expect(lookupHosts(new URL('https://a.b.example.co.uk/x'))).toEqual([
      'a.b.example.co.uk',
      'b.example.co.uk',
      'example.co.uk',
      'co.uk',
    ]);
  });

  it('turn into the browser match patterns the content script is declared for', () => {
    expect(toMatchPattern('www.anthropic.com/legal/consumer-terms')).toBe('https://www.anthropic.com/legal/consumer-terms*');
    expect(toMatchPattern('*.spotify.com/*/legal/')).toBe('https://*.spotify.com/*/legal*');
    expect(toMatchPattern('www.amazon.com/gp/help/customer/display.html?nodeId=1')).toBe('https://www.amazon.com/gp/help/customer/display.html*');
    expect(toMatchPattern('www.spotify.com/{locale}/legal/end-user-agreement')).toBe('https://www.spotify.com/*/legal/end-user-agreement*');
    expect(toMatchPattern('www.apple.com/legal/privacy/{locale}/')).toBe('https://www.apple.com/legal/privacy/*');
  });

  it('list each browser match pattern once, leaving out those another one covers, on the same hosts only', () => {
    expect(
      browserMatchPatterns([
        'www.facebook.com/legal/terms/plain_text_terms',
        'www.facebook.com/legal/terms',
        'x.com/tos',
        'x.com/{locale}/tos',
        'twitter.com/{locale}/tos',
        'www.amazon.com/gp/help/customer/display.html*?nodeId=1',
        'www.amazon.com/gp/help/customer/display.html*?nodeId=2',
        'anthropic.com/legal/privacy',
        'www.anthropic.com/legal/privacy',
      ]),
    ).toEqual([
      'https://anthropic.com/legal/privacy*',
      'https://twitter.com/*/tos*',
      'https://www.amazon.com/gp/help/customer/display.html*',
      'https://www.anthropic.com/legal/privacy*',
      'https://www.facebook.com/legal/terms*',
      'https://x.com/*/tos*',
      'https://x.com/tos*',
    ]);
  });
});
