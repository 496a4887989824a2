package dev.atrium.identity.application;

import dev.atrium.identity.domain.MemberRepository;
import dev.atrium.platform.plans.Plan;
import dev.atrium.platform.plans.UsageMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The member quota's use: the tenant's active members. */
@ApplicationScoped
public class MemberUsage implements UsageMeter {

    @Inject
    MemberRepository members;

    @Override
    public String quota() {
        return Plan.MEMBERS;
    }

    @Override
    public long used() {
        return members.countActive();
    }
}
