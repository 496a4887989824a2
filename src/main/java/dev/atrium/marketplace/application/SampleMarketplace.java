package dev.atrium.marketplace.application;

import dev.atrium.billing.Money;
import dev.atrium.identity.Members;
import dev.atrium.identity.Members.MemberRef;
import dev.atrium.marketplace.domain.Availability;
import dev.atrium.marketplace.domain.Contract;
import dev.atrium.marketplace.domain.ExperienceLevel;
import dev.atrium.marketplace.domain.Job;
import dev.atrium.marketplace.domain.JobDuration;
import dev.atrium.marketplace.domain.JobVisibility;
import dev.atrium.marketplace.domain.Milestone;
import dev.atrium.marketplace.domain.PortfolioItem;
import dev.atrium.marketplace.domain.Pricing;
import dev.atrium.marketplace.domain.Profile;
import dev.atrium.marketplace.domain.ProfileVisibility;
import dev.atrium.marketplace.domain.Proposal;
import dev.atrium.platform.jobs.Jobs;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.tenancy.domain.TenantModule;
import dev.atrium.platform.tenancy.domain.TenantOnboarded;
import dev.atrium.platform.time.Now;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Example content for a demo tenant with the marketplace: profiles with portfolios for its sample professionals (Pat,
 * Lena, Omar), open jobs of its sample client (Chris), proposals on them, and two contracts Chris hired. What costs
 * money (funding, releases) and what follows it (reviews) is made through the local Stripe by the development stack,
 * the way a newcomer would do it by hand.
 */
@ApplicationScoped
public class SampleMarketplace {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    Members members;

    @Inject
    Taxonomy taxonomy;

    @Inject
    Jobs jobs;

    @Inject
    Now clock;

    @TenantTransactional
    void seed(@Observes @Priority(Interceptor.Priority.APPLICATION + 400) TenantOnboarded onboarded) {
        if (!onboarded.sampleData() || !onboarded.tenant().hasEnabled(TenantModule.MARKETPLACE)) {
            return;
        }
        String domain = "@" + onboarded.tenant().slug() + ".example";
        Optional<MemberRef> chris = members.withEmail("chris" + domain);
        Optional<MemberRef> pat = members.withEmail("pat" + domain);
        Optional<MemberRef> lena = members.withEmail("lena" + domain);
        Optional<MemberRef> omar = members.withEmail("omar" + domain);
        if (chris.isEmpty() || pat.isEmpty() || lena.isEmpty() || omar.isEmpty()) {
            return;
        }
        OffsetDateTime now = clock.dateTime();
        LocalDate today = clock.date();
        profile(
                pat.get(),
                "Full-stack web developer for online shops",
                "Ten years of Shopify, WooCommerce and custom Java shops: catalogues, payments, fast pages.",
                7500,
                "Berlin, Germany",
                "Europe/Berlin",
                List.of("web-development", "e-commerce", "java"),
                List.of("Merch shop for a football club", "Booking system for a climbing gym"),
                now);
        profile(
                lena.get(),
                "Brand and logo designer",
                "Logos, colour systems and brand guides for schools, clubs and small studios.",
                5500,
                "Hamburg, Germany",
                "Europe/Berlin",
                List.of("logo-design", "brand-identity", "graphic-design"),
                List.of("Identity for a community bakery", "Poster series for a jazz festival"),
                now);
        profile(
                omar.get(),
                "Copywriter and SEO consultant",
                "Websites that read well and get found: copy, structure and search optimisation.",
                6000,
                "Lisbon, Portugal",
                "Europe/Lisbon",
                List.of("copywriting", "seo", "content-writing"),
                List.of("Website copy for a language school"),
                now);

        Job shop = job(
                chris.get(),
                "An online shop for our studio's prints",
                "We sell art prints at fairs and want an online shop with card payments, shipping rates for the EU"
                        + " and a simple way to add new prints.",
                "software-development",
                List.of("web-development", "e-commerce"),
                300_000L,
                600_000L,
                ExperienceLevel.EXPERT,
                today.plusDays(30),
                now);
        Job logo = job(
                chris.get(),
                "A logo for our new podcast",
                "A bold, friendly logo that works as a square cover and a small icon.",
                "design",
                List.of("logo-design"),
                40_000L,
                80_000L,
                ExperienceLevel.INTERMEDIATE,
                null,
                now);
        job(
                chris.get(),
                "Website copy for the studio's relaunch",
                "Five pages of copy (home, about, services, prints, contact) with a light SEO review.",
                "writing",
                List.of("copywriting", "seo"),
                80_000L,
                120_000L,
                ExperienceLevel.INTERMEDIATE,
                null,
                now);

        Proposal patOnShop = propose(
                shop, pat.get(), "I built a print shop for a gallery last year; happy to show it.", 480_000L, 35, now);
        propose(shop, omar.get(), "I can write the product pages and set up the shop's SEO.", 350_000L, 40, now);
        Proposal lenaOnLogo = propose(logo, lena.get(), "Podcast covers are a favourite of mine.", 60_000L, 10, now);

        hire(
                shop,
                patOnShop,
                List.of(
                        new Object[] {"Shop design and catalogue", 200_000L, today.plusDays(14)},
                        new Object[] {"Payments, shipping and launch", 280_000L, today.plusDays(35)}),
                now);
        hire(logo, lenaOnLogo, List.<Object[]>of(new Object[] {"Logo and cover", 60_000L, today.plusDays(10)}), now);
    }

    private void profile(
            MemberRef member,
            String headline,
            String bio,
            long rate,
            String location,
            String zone,
            List<String> skills,
            List<String> portfolio,
            OffsetDateTime now) {
        Taxonomy.SkillSet resolved = taxonomy.skillsOf(skills);
        Profile profile = Profile.create(
                member.id(),
                member.displayName(),
                new Profile.Details(
                        headline,
                        bio,
                        rate,
                        "eur",
                        location,
                        zone,
                        Availability.AVAILABLE,
                        Set.of("en", "de"),
                        ProfileVisibility.PUBLIC,
                        resolved.ids(),
                        resolved.names()),
                now);
        em.persist(profile);
        em.flush(); // portfolio items refer to it; EclipseLink does not order inserts of unrelated entities
        int position = 1;
        for (String title : portfolio) {
            em.persist(PortfolioItem.add(member.id(), position++, title, null, null, null, now));
        }
        MarketplaceEmbeddings.schedule(jobs, "profile", member.id());
    }

    private Job job(
            MemberRef client,
            String title,
            String description,
            String category,
            List<String> skills,
            long min,
            long max,
            ExperienceLevel experience,
            LocalDate deadline,
            OffsetDateTime now) {
        Taxonomy.SkillSet resolved = taxonomy.skillsOf(skills);
        Job job = Job.draft(
                client.id(),
                new Job.Details(
                        title,
                        description,
                        taxonomy.category(category),
                        Pricing.FIXED,
                        "eur",
                        min,
                        max,
                        JobDuration.ONE_TO_THREE_MONTHS,
                        experience,
                        JobVisibility.MEMBERS,
                        deadline,
                        resolved.ids(),
                        resolved.names(),
                        List.of(),
                        Set.of()),
                now);
        job.publish(now);
        em.persist(job);
        em.flush();
        MarketplaceEmbeddings.schedule(jobs, "job", job.id());
        return job;
    }

    private Proposal propose(Job job, MemberRef professional, String letter, long bid, int days, OffsetDateTime now) {
        Proposal proposal = Proposal.submit(
                job, professional.id(), new Proposal.Terms(letter, bid, days, List.of(), Set.of()), now);
        em.persist(proposal);
        em.flush();
        ProposalDesk.counted(em, job.id());
        return proposal;
    }

    private void hire(Job job, Proposal proposal, List<Object[]> plan, OffsetDateTime now) {
        proposal.hired(now);
        job.filled(now);
        Contract contract = Contract.hire(job, proposal, now);
        em.persist(contract);
        em.flush();
        int position = 1;
        for (Object[] milestone : plan) {
            em.persist(Milestone.plan(
                    contract,
                    position++,
                    (String) milestone[0],
                    Money.of((Long) milestone[1], "eur"),
                    (LocalDate) milestone[2],
                    now));
        }
        em.flush();
    }
}
