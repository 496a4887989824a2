/** JPA repositories of projects, milestones, tasks and activity in the tenant's schema. */
package dev.atrium.projects.infrastructure;
