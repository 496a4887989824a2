/** The marketplace's HTTP API under {@code /t/{tenant}/api/v1/marketplace}: thin resources and their records. */
package dev.atrium.marketplace.api;
