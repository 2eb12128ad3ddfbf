import { describe, expect, it } from 'vitest';
import { hasMarkup, plainLine, plainText } from './plain-text';

describe('imported HTML as the text a page shows', () => {
  it('removes inline tags without a space and turns block edges into line breaks', () => {
    expect(plainText('10MinuteMail.com does <strong>NOT</strong> keep logs')).toBe('10MinuteMail.com does NOT keep logs');
    expect(plainText('<p>First paragraph.</p>\n<p>Second <a href="https://x.example/">link</a>.</p>')).toBe(
      'First paragraph.\n\nSecond link.',
    );
    expect(plainText('<ul><li>One</li><li>Two</li></ul>')).toBe('One\n\nTwo');
    expect(plainText('Line<br>next<br/>last')).toBe('Line\nnext\nlast');
    expect(plainText('<table><tr><td>a</td><td>b</td></tr></table>')).toBe('a b');
  });

  it('decodes entities, named and numeric, and the export’s "&nbsp." spelling', () => {
    expect(plainText('T&amp;Cs &ldquo;quoted&rdquo; &#39;x&#39; &#x2019; a&nbsp;b')).toBe('T&Cs “quoted” \'x\' ’ a\u00a0b');
    expect(plainText('Terms &amp.\nConditions')).toBe('Terms &\nConditions');
    expect(plainText('Cookies.</strong>&nbsp.\nThese')).toBe('Cookies.\nThese'); // a line's trailing space trimmed
    // Unknown names and impossible code points stay as written.
    expect(plainText('&bogus; &#xD800; &#99999999;')).toBe('&bogus; &#xD800; &#99999999;');
  });

  it('takes out markup that was escaped once more in the export', () => {
    expect(plainText('Change of Control&lt;/strong&gt.\n– We may also share')).toBe('Change of Control\n– We may also share');
    expect(plainText('Last Amended:&lt;/strong&gt.\n25 May 2018&lt;/p')).toBe('Last Amended:\n25 May 2018');
  });

  it('drops tags cut in half at either end of a quote', () => {
    expect(plainText('These changes will be effective when posted.</p')).toBe('These changes will be effective when posted.');
    expect(plainText('p>\n<p>For more information about targeting')).toBe('For more information about targeting');
    expect(plainText('li> Send or cause to send')).toBe('Send or cause to send');
    expect(plainText('>When you establish an advertiser account')).toBe('When you establish an advertiser account');
    expect(plainText('Terms of Service <strong>Updated</strong')).toBe('Terms of Service Updated');
    expect(plainText('which you become aware.</p>\n<p>\n<strong')).toBe('which you become aware.');
    expect(plainText('the Service.</')).toBe('the Service.');
  });

  it('keeps angle brackets that are not HTML', () => {
    expect(plainText('Write to <your name> at the address; 3 < 4 and 5 > 2')).toBe('Write to <your name> at the address; 3 < 4 and 5 > 2');
    expect(plainText('&lt;your name&gt;')).toBe('<your name>');
    expect(hasMarkup('<your name>')).toBe(false);
  });

  it('does not decode twice: "&amp;lt;" is the text "&lt;"', () => {
    expect(plainText('a &amp;lt; b')).toBe('a &lt; b');
  });

  it('a title is one line', () => {
    expect(plainLine('  <b>You waive</b>\n your <em>moral</em>   rights ')).toBe('You waive your moral rights');
  });

  it('says whether text still holds markup', () => {
    expect(hasMarkup('a <p> b')).toBe(true);
    expect(hasMarkup('a <!-- c --> b')).toBe(true);
    expect(hasMarkup(plainText('a <p> b</p><!-- c -->'))).toBe(false);
  });
});
