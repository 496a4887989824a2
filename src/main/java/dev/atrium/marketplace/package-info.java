/**
 * Marketplace: clients hire professionals inside their tenant. Categories and skills, professionals' profiles and
 * portfolios, clients' jobs, proposals, professionals' services ordered in tiers, contracts with milestones paid into
 * escrow through billing and released when the client approves the work, disputes decided by the tenant's admins.
 * Published: the events in this package.
 */
package dev.atrium.marketplace;
