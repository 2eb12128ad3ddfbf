/**
 * Imported text as the page shows it: ToS;DR's quotes were often selected in a page's HTML
 * source, so they hold tags (`<p>`, `<strong>`), entities (`&nbsp;`), tags cut in half at either
 * end (`…the Service.</p`) and markup escaped once more (`&lt;/strong&gt;`). Shown as is, a
 * reader sees raw tags; matched as is, the quote misses the page. Only the names of real HTML
 * elements count as tags, so text such as "<your name>" is kept.
 */

/** Elements whose edges are line breaks in the rendered text. */
const BLOCK = new Set(
  'address article aside blockquote br dd div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody thead tfoot tr ul'.split(' '),
);
/** Elements that only style text: removed without a space ("<b>NOT</b>" is "NOT"). */
const INLINE = new Set(
  'a abbr b bdi bdo big cite code del dfn em font i ins kbd mark q s samp small span strike strong sub sup time tt u var wbr img'.split(' '),
);
/** Table cells: a space between them. */
const CELL = new Set(['td', 'th', 'caption']);
const isElement = (name: string) => BLOCK.has(name) || INLINE.has(name) || CELL.has(name);

/** The entities the export uses, and the common typographic ones. */
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', sbquo: '‚', bdquo: '„',
  ndash: '–', mdash: '—', hellip: '…', bull: '•', middot: '·', copy: '©', reg: '®', trade: '™',
  sect: '§', para: '¶', deg: '°', euro: '€', pound: '£', yen: '¥', cent: '¢', times: '×',
  eacute: 'é', egrave: 'è', ecirc: 'ê', euml: 'ë', aacute: 'á', agrave: 'à', acirc: 'â', auml: 'ä',
  aring: 'å', oacute: 'ó', ograve: 'ò', ocirc: 'ô', ouml: 'ö', uacute: 'ú', ugrave: 'ù', ucirc: 'û',
  uuml: 'ü', iacute: 'í', igrave: 'ì', icirc: 'î', iuml: 'ï', ccedil: 'ç', ntilde: 'ñ', szlig: 'ß',
  Eacute: 'É', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', Ccedil: 'Ç', Ntilde: 'Ñ',
};

const TAG = /<!--[\s\S]*?(?:-->|$)|<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>/g;

function replaceTags(text: string): string {
  return text.replace(TAG, (tag, rawName: string | undefined) => {
    if (rawName === undefined) return ''; // a comment
    const name = rawName.toLowerCase();
    if (BLOCK.has(name)) return '\n';
    if (CELL.has(name)) return ' ';
    return INLINE.has(name) ? '' : tag;
  });
}

/**
 * `&amp;`, `&#39;`, `&#x2019;`; also `&amp.` and `&nbsp.`, as the export spells a few of them
 * (its semicolons turned into full stops). Unknown names are left as written.
 */
function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,7})([;.])/g, (entity, body: string, end: string) => {
    if (body.startsWith('#')) {
      if (end !== ';') return entity;
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : entity;
    }
    const char = NAMED[body];
    return char === undefined || (end === '.' && !['amp', 'nbsp', 'lt', 'gt', 'quot'].includes(body)) ? entity : char;
  });
}

/** A tag cut off by the end of the quote (`…Service.</p`, `…<`, `</stron`). */
const CUT_AT_END = /<\/?([a-zA-Z][a-zA-Z0-9]*)?\s*$/;
/** A tag cut off by its start (`p>Text`, `/li>`, `>Text`). */
const CUT_AT_START = /^\s*\/?([a-zA-Z][a-zA-Z0-9]*)?\s*\/?>/;
const ELEMENTS = [...BLOCK, ...INLINE, ...CELL];
const endOfElementName = (fragment: string) => ELEMENTS.some((name) => name.endsWith(fragment));
const startOfElementName = (fragment: string) => ELEMENTS.some((name) => name.startsWith(fragment));

function trimCutTags(text: string): string {
  let out = text;
  for (let changed = true; changed; ) {
    changed = false;
    const end = CUT_AT_END.exec(out);
    if (end && (end[1] === undefined || startOfElementName(end[1].toLowerCase()))) {
      out = out.slice(0, end.index).trimEnd();
      changed = true;
    }
    const start = CUT_AT_START.exec(out);
    if (start && (start[1] === undefined || endOfElementName(start[1].toLowerCase()))) {
      out = out.slice(start[0].length).trimStart();
      changed = true;
    }
  }
  return out;
}

/**
 * The text a page shows for a piece of imported HTML: tags out (block edges become line
 * breaks, table cells spaces), entities decoded, then markup that was escaped in the source
 * taken out the same way, and tags cut in half at either end dropped. Runs of blank lines
 * become one; each line is trimmed. For a single line (a title), see `plainLine`.
 */
export function plainText(html: string): string {
  // Most text holds neither tags nor entities, and nothing cut at its ends: only its spacing is tidied.
  const markup = /[<>&]/.test(html);
  const text = markup ? trimCutTags(replaceTags(decodeEntities(trimCutTags(replaceTags(html))))) : html;
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** `plainText` on one line: every run of white space, line breaks included, is one space. */
export function plainLine(html: string): string {
  return plainText(html).replace(/\s+/g, ' ').trim();
}

/** True when the text still reads as markup: for tests and checks over whole exports. */
export function hasMarkup(text: string): boolean {
  return [...text.matchAll(TAG)].some((m) => m[1] === undefined || isElement(m[1].toLowerCase()));
}
