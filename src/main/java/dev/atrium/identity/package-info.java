/** Members, profiles and invitations; the Keycloak adapter. */
package dev.atrium.identity;
