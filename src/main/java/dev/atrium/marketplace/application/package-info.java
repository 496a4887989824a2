/**
 * The marketplace's use cases, one transaction each: who may do what to a job, a proposal or a contract is decided
 * here, on the one path every use case takes to reach the aggregate. Money moves only through billing's escrow.
 */
package dev.atrium.marketplace.application;
