/** Project use cases: one transaction each in the tenant's schema, with access checks and activity recording. */
package dev.atrium.projects.application;
