/**
 * A cited legal text as a decision shows it: the same fields as the data's citation, without keys that are absent.
 */
import type { LegalBasisRef } from './types.js';

interface CitationLike {
  readonly document: string;
  readonly article?: string | undefined;
  readonly url?: string | undefined;
  readonly articleVerified?: false | undefined;
}

export function legalBasisRef(citation: CitationLike): LegalBasisRef {
  return {
    document: citation.document,
    ...(citation.article === undefined ? {} : { article: citation.article }),
    ...(citation.url === undefined ? {} : { url: citation.url }),
    ...(citation.articleVerified === false ? { articleVerified: false as const } : {}),
  };
}
