/** Members of a tenant: their profile (the aggregate), and the port to the accounts held by the identity provider. */
package dev.atrium.identity.domain;
