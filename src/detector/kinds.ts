/**
 * The eight kinds of potentially unfair clause the detector knows, as the CLAUDETTE corpus
 * annotates them (Lippi et al. 2019; Galassi et al. 2024). The ids are the detector's public
 * vocabulary (CLI `--json`, the extension); the codes are the corpus's tags.
 */

/** Kind ids, in the model's order (the order of its weight tables). */
export const KINDS = [
  'arbitration',
  'unilateral-change',
  'content-removal',
  'jurisdiction',
  'choice-of-law',
  'limitation-of-liability',
  'unilateral-termination',
  'contract-by-using',
] as const;

export type Kind = (typeof KINDS)[number];

/** The corpus's category tag for each kind ("a" in "a2"; "pinc", privacy included, is not one of them). */
export const CORPUS_CODES: Record<string, Kind> = {
  a: 'arbitration',
  ch: 'unilateral-change',
  cr: 'content-removal',
  j: 'jurisdiction',
  law: 'choice-of-law',
  ltd: 'limitation-of-liability',
  ter: 'unilateral-termination',
  use: 'contract-by-using',
};

/** Short names for tables and the CLI. */
export const KIND_NAMES: Record<Kind, string> = {
  arbitration: 'Arbitration',
  'unilateral-change': 'Unilateral change',
  'content-removal': 'Content removal',
  jurisdiction: 'Jurisdiction',
  'choice-of-law': 'Choice of law',
  'limitation-of-liability': 'Limitation of liability',
  'unilateral-termination': 'Unilateral termination',
  'contract-by-using': 'Contract by using',
};

/** The records' category (src/records/taxonomy.ts) each kind falls under. */
export const KIND_CATEGORY = {
  arbitration: 'arbitration',
  'unilateral-change': 'unilateral-change',
  'content-removal': 'content-removal',
  jurisdiction: 'jurisdiction',
  'choice-of-law': 'jurisdiction',
  'limitation-of-liability': 'liability',
  'unilateral-termination': 'termination',
  'contract-by-using': 'contract-by-using',
} as const satisfies Record<Kind, string>;
