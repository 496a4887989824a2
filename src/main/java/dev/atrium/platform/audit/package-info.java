/** The platform audit log: who did what to which tenant, when, and with what outcome. */
package dev.atrium.platform.audit;
