/**
 * The kernel every module builds on: the REST application, tenancy, security, persistence, errors and configuration.
 * It depends on no domain module.
 */
package dev.atrium.platform;
