/**
 * The local system: a real PostgreSQL (embedded binaries from Maven Central), the real Keycloak distribution and
 * Liberty with the Atrium WAR, started as child processes and stopped together, and a local Stripe-compatible server
 * in this JVM (package {@code stripe}). The run command ({@code ./mvnw -Pdev}) and the integration tests both use it,
 * with separate ports and state so that they can run side by side. It is build tooling, not part of the WAR.
 */
package dev.atrium.stack;
