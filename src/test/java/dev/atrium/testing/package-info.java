/**
 * Integration-test support: the test system (started once per test run by {@link
 * dev.atrium.testing.TestSystemListener}), tokens from its Keycloak and a small HTTP client for black-box calls.
 */
package dev.atrium.testing;
