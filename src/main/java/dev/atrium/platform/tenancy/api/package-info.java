/** HTTP side of tenancy: the operators' platform API, tenant branding, and the filters that resolve and bind tenants. */
package dev.atrium.platform.tenancy.api;
