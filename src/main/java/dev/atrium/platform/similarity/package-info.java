/**
 * Semantic similarity: texts turned into vectors by an embedding model that runs inside the application (no network,
 * no external service), so that modules can rank by meaning rather than by shared words (jobs and professionals,
 * mentors, moderation). Modules store the vectors in their own tables ({@link TextVector#toBytes()}) and rank in Java.
 */
package dev.atrium.platform.similarity;
