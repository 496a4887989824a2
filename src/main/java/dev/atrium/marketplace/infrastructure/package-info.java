/** The marketplace's JPA repositories, search queries and migrations ({@code db/tenant/marketplace}). */
package dev.atrium.marketplace.infrastructure;
