/**
 * The toolbar badge: how many of a tab's clauses may concern the reader, coloured by the worst
 * of them. Clauses in the reader's favour are not concerns: they are not counted, and the
 * button's tooltip says how many there are.
 */
import browser from 'webextension-polyfill';
import { plural, t, type MessageKey } from '../i18n/t';
import { SEVERITIES, severityRank, type Severity } from '../records/taxonomy';
import { shortSource, type RecordSource } from '../ui/record-source';
import { SEVERITY_COLOURS } from '../ui/severity-colours';

/** The badge's background for a worst severity: that severity's colour on light surfaces, behind the white text. */
export const BADGE_COLOURS = Object.fromEntries(SEVERITIES.map((s) => [s, SEVERITY_COLOURS[s].light])) as Record<Severity, string>;

/**
 * The badge of a page whose clauses are all in the reader's favour: no number (there is
 * nothing to count as a concern, and a "0" would read as nothing found), but the mark every
 * good-for-you clause carries in the card and popup, on their green, so the reader sees that
 * Termlight did find this page and that nothing on it is a warning.
 */
export const FAVOURABLE_MARK = '✓';

/** The worst severity as the tooltip names it (never 'positive': those are not concerns). */
const WORST: Record<Exclude<Severity, 'positive'>, MessageKey> = {
  critical: 'badgeSeverityCritical',
  high: 'badgeSeverityHigh',
  medium: 'badgeSeverityMedium',
  low: 'badgeSeverityLow',
};

export function worstSeverity<S extends Severity>(severities: readonly S[]): S | null {
  let worst: S | null = null;
  for (const s of severities) if (worst === null || severityRank(s) < severityRank(worst)) worst = s;
  return worst;
}

/** A page's clauses as the badge tells them: the concerns and their worst, and how many are in the reader's favour. */
export function badgeCounts(severities: readonly Severity[]): { concerns: number; worst: Exclude<Severity, 'positive'> | null; favourable: number } {
  const concerns = severities.filter((s): s is Exclude<Severity, 'positive'> => s !== 'positive');
  return { concerns: concerns.length, worst: worstSeverity(concerns), favourable: severities.length - concerns.length };
}

/**
 * The button's tooltip: how many clauses may concern the reader and the worst of them, how many
 * are in their favour, and how many of all these come from each imported source with its
 * licence ("… — 3 from ToS;DR (CC BY-SA 3.0)"), since the badge mixes Termlight's own records
 * with others'. `imported` has one entry per clause that is not Termlight's own.
 */
export function badgeTitle(severities: readonly Severity[], imported: readonly RecordSource[] = []): string {
  const { concerns, worst, favourable } = badgeCounts(severities);
  let title: string;
  if (worst) {
    const concernsText = plural(concerns, 'badgeConcernsOne', 'badgeConcernsMany', concerns, t(WORST[worst]));
    title = favourable ? t('badgeConcernsAndFavourable', concernsText, plural(favourable, 'badgeFavourableOne', 'badgeFavourableMany')) : concernsText;
  } else if (favourable) {
    title = plural(favourable, 'badgeOnlyFavourableOne', 'badgeOnlyFavourableMany');
  } else {
    return t('extensionName');
  }
  const counts = new Map<string, number>();
  for (const source of imported) {
    const label = shortSource(source);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  if (counts.size === 0) return title;
  const parts = [...counts].map(([label, n]) => t('badgeFrom', n, label));
  return t('badgeTitleWithSources', title, parts.join(', '));
}

/**
 * Sets the tab's badge: the number of clauses that may concern the reader in the worst one's
 * colour, or the favourable mark when every clause is in the reader's favour; an empty list
 * clears it. Returns the text shown.
 */
export async function showBadge(tabId: number, severities: readonly Severity[], imported: readonly RecordSource[] = []): Promise<string> {
  const { concerns, worst, favourable } = badgeCounts(severities);
  const text = worst ? String(concerns) : favourable ? FAVOURABLE_MARK : '';
  await browser.action.setBadgeText({ tabId, text });
  if (text) {
    await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOURS[worst ?? 'positive'] });
    await browser.action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
    await browser.action.setTitle({ tabId, title: badgeTitle(severities, imported) });
  } else {
    await browser.action.setTitle({ tabId, title: t('extensionName') });
  }
  return text;
}
