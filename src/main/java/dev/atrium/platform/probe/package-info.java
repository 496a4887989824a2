/**
 * Probes: an operator's end-to-end check of the job scheduler and the outbox relay. A probe goes through the same
 * path as real work (a job of its own kind, an outbox event with its own consumer), can be told to fail a number of
 * times (to see retries and the failed list work), and records when it was picked up and when it completed: the
 * figures for job pick-up latency and outbox delivery lag come from probes.
 */
package dev.atrium.platform.probe;
