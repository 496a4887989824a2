/**
 * A minimal module, written the way a new module starts (entity, use cases, resource, migration), kept in the test
 * sources to measure how little a module needs beyond its own domain (docs/architecture.md, "Measured"). It is
 * compiled with the tests and its aggregate is unit-tested; it is not deployed.
 */
package dev.atrium.example;
