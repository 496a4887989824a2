/**
 * Tenancy use cases: onboarding (a saga over the database and Keycloak), lifecycle changes, tenants as code, and
 * the tenant of the current request. Directory transactions live here.
 */
package dev.atrium.platform.tenancy.application;
