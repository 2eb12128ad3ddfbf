/** The toolbar badge: how many clauses a tab's page has, coloured by the worst of them. */
import browser from 'webextension-polyfill';
import { plural, t, type MessageKey } from '../i18n/t';
import { SEVERITIES, severityRank, type Severity } from '../records/taxonomy';
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

/** Sets the tab's badge; an empty list clears it. Returns the text shown. */
export async function showBadge(tabId: number, severities: readonly Severity[]): Promise<string> {
  const worst = worstSeverity(severities);
  const text = severities.length ? String(severities.length) : '';
  await browser.action.setBadgeText({ tabId, text });
  if (worst) {
    await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOURS[worst] });
    await browser.action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
    const title = plural(severities.length, 'badgeTitleOne', 'badgeTitleMany', text, t(WORST[worst]));
    await browser.action.setTitle({ tabId, title });
  } else {
    await browser.action.setTitle({ tabId, title: t('extensionName') });
  }
  return text;
}
