/**
 * MicroProfile Health checks: started once the platform schema is migrated, ready while PostgreSQL answers and
 * Keycloak's signing keys can be fetched.
 */
package dev.atrium.platform.health;
