/**
 * The project and task aggregates and their rules: status transitions, project roles, board positions, blocking
 * without cycles, progress. No JAX-RS and no queries here.
 */
package dev.atrium.projects.domain;
