/**
 * Keycloak, the platform's identity provider, spoken to through its admin REST API: tenant organisations and
 * clients, member accounts, organisation memberships and client-role grants; and the JPA repository of members.
 */
package dev.atrium.identity.infrastructure;
