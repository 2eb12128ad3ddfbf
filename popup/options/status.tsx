/**
 * How the options page says what happened, right under the controls that did it: an error as
 * an alert (the --high colour, a mark, role="alert") in plain words with what to do and the
 * technical message folded under "Technical details"; a success as a quiet, ticked line.
 */
import type { ComponentChildren } from 'preact';
import { t } from '../../src/i18n/t';
import type { PlainError } from './plain-errors';

/** At most this many failures are said one by one; all of them are in the technical details. */
const MAX_LISTED = 10;

export interface Failure {
  /** What failed (a file's name), when there may be several. */
  label?: string;
  error: PlainError;
}

/** An error: what is wrong and what to do, per failure, then the technical details folded. */
export function ErrorNotice(props: { heading?: ComponentChildren; failures: readonly Failure[]; after?: ComponentChildren }) {
  const { failures } = props;
  const listed = failures.slice(0, MAX_LISTED);
  const sentence = (f: Failure) => `${f.error.what} ${f.error.todo}`;
  const details = failures.filter((f) => f.error.detail);
  return (
    <div role="alert" class="notice notice-error">
      {props.heading && <p class="notice-heading">{props.heading}</p>}
      {failures.length === 1 && !failures[0]!.label ? (
        <p>{sentence(failures[0]!)}</p>
      ) : (
        <ul>
          {listed.map((f, i) => (
            <li key={i}>
              {f.label && <strong>{f.label}</strong>}
              {f.label && ': '}
              {sentence(f)}
            </li>
          ))}
          {failures.length > listed.length && <li>{t('noticeMoreFailures', String(failures.length - listed.length))}</li>}
        </ul>
      )}
      {props.after}
      {details.length > 0 && (
        <details class="technical">
          <summary>{t('plainTechnicalDetails')}</summary>
          <ul>
            {details.map((f, i) => (
              <li key={i}>{f.error.detail}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/**
 * Runs an action whose button is disabled while it runs (which drops the focus in some
 * browsers), then puts the focus back on that button, or on `fallback` if it is gone.
 */
export async function keepingFocus<T>(run: () => Promise<T>, fallback?: () => HTMLElement | null): Promise<T> {
  const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  try {
    return await run();
  } finally {
    // After the re-render that enables the button again.
    setTimeout(() => {
      if (document.activeElement && document.activeElement !== document.body) return;
      const target = before?.isConnected && !(before as HTMLButtonElement).disabled ? before : fallback?.();
      target?.focus();
    }, 0);
  }
}
