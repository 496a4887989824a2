/** Member use cases: one's own profile, and the tenant admin's invitations, role changes and removals. */
package dev.atrium.identity.application;
