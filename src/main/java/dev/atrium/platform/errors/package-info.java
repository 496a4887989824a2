/**
 * Errors as RFC 9457 problem details. Domain code throws {@link dev.atrium.platform.errors.AtriumException}
 * subclasses; a small set of exception mappers turns those, JAX-RS errors, validation failures, unreadable JSON
 * and anything unexpected into {@code application/problem+json}. A server error's body carries an opaque
 * {@code instance} id that is also logged with the stack trace, and nothing else about the failure.
 */
package dev.atrium.platform.errors;
