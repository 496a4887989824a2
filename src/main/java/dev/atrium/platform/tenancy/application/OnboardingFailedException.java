package dev.atrium.platform.tenancy.application;

import dev.atrium.platform.errors.UpstreamException;

/** Onboarding stopped midway; the tenant is FAILED, its partial resources were removed, and it can be retried. */
public class OnboardingFailedException extends UpstreamException {

    public OnboardingFailedException(String slug, String reason, Throwable cause) {
        super(
                "tenant-onboarding-failed",
                "Onboarding failed",
                "Onboarding tenant '" + slug + "' failed: " + reason + ". The tenant is marked failed and what was"
                        + " created for it has been removed; repeat the request to try again.",
                cause);
    }
}
