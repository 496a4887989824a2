/**
 * The database: one JTA data source ({@code jdbc/atrium}), one persistence unit ({@code atrium}) with EclipseLink's
 * shared cache off, and Flyway migrations of the {@code platform} schema run when the application starts.
 */
package dev.atrium.platform.persistence;
