/**
 * Tenancy: the tenant directory, onboarding and lifecycle of organisations, resolution of the tenant of a request
 * and its binding to the caller's token. Every module's tenant data access goes through what this package sets up.
 */
package dev.atrium.platform.tenancy;
