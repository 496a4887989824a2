/** JPA repository of the tenant directory and the Flyway-driven creation and migration of tenant schemas. */
package dev.atrium.platform.tenancy.infrastructure;
