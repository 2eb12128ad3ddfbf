/** The toolbar badge: how many clauses a tab's page has, coloured by the worst of them. */
import browser from 'webextension-polyfill';
import { plural, t, type MessageKey } from '../i18n/t';
import { SEVERITIES, severityRank, type Severity } from '../records/taxonomy';
import { shortSource, type RecordSource } from '../ui/record-source';
import { SEVERITY_COLOURS } from '../ui/severity-colours';

/** The badge's background for a worst severity: that severity's colour on light surfaces, behind the white count. */
export const BADGE_COLOURS = Object.fromEntries(SEVERITIES.map((s) => [s, SEVERITY_COLOURS[s].light])) as Record<Severity, string>;

/** The worst severity as the tooltip names it. */
const WORST: Record<Severity, MessageKey> = {
  critical: 'badgeSeverityCritical',
  high: 'badgeSeverityHigh',
  medium: 'badgeSeverityMedium',
  low: 'badgeSeverityLow',
  positive: 'badgeSeverityPositive',
};

export function worstSeverity(severities: readonly Severity[]): Severity | null {
  let worst: Severity | null = null;
  for (const s of severities) if (worst === null || severityRank(s) < severityRank(worst)) worst = s;
  return worst;
}

/**
 * The button's tooltip: how many clauses, the worst, and how many of them come from each
 * imported source with its licence ("… — 3 from ToS;DR (CC BY-SA 3.0)"), since the badge's
 * count mixes Termlight's own records with others'. `imported` has one entry per clause that
 * is not Termlight's own.
 */
export function badgeTitle(severities: readonly Severity[], imported: readonly RecordSource[] = []): string {
  const worst = worstSeverity(severities);
  if (!worst) return t('extensionName');
  const title = plural(severities.length, 'badgeTitleOne', 'badgeTitleMany', severities.length, t(WORST[worst]));
  const counts = new Map<string, number>();
  for (const source of imported) {
    const label = shortSource(source);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  if (counts.size === 0) return title;
  const parts = [...counts].map(([label, n]) => t('badgeFrom', n, label));
  return t('badgeTitleWithSources', title, parts.join(', '));
}

/** Sets the tab's badge; an empty list clears it. Returns the text shown. */
export async function showBadge(tabId: number, severities: readonly Severity[], imported: readonly RecordSource[] = []): Promise<string> {
  const worst = worstSeverity(severities);
  const text = severities.length ? String(severities.length) : '';
  await browser.action.setBadgeText({ tabId, text });
  if (worst) {
    await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOURS[worst] });
    await browser.action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
    await browser.action.setTitle({ tabId, title: badgeTitle(severities, imported) });
  } else {
    await browser.action.setTitle({ tabId, title: t('extensionName') });
  }
  return text;
}
