/**
 * Matching jobs and professionals: what each side brings ({@link JobTraits}, {@link ProfessionalTraits}), the score of
 * a pair from skills, category, rate, track record, meaning of the texts and availability ({@link Matcher}), and the
 * keyword-only ranking it is measured against ({@link KeywordBaseline}). Pure domain: no persistence, no CDI; the
 * application layer loads the traits and the texts' vectors and calls in. Evaluation and weights: docs/matching.md.
 */
package dev.atrium.marketplace.domain.matching;
