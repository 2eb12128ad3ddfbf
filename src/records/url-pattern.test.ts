import { describe, expect, it } from 'vitest';
import { lookupHosts, parsePattern, patternProblem, toMatchPattern, urlMatchesAny } from './url-pattern';

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
  });
});
