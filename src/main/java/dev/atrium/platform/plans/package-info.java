/** The plan catalogue: which modules each plan allows and its quotas, and the checks against them. */
package dev.atrium.platform.plans;
