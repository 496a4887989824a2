package dev.atrium.platform.probe;

import dev.atrium.platform.jobs.JobHandler;
import dev.atrium.platform.jobs.JobRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The job probe: fails as often as asked, then completes. */
@ApplicationScoped
public class ProbeJob implements JobHandler<ProbeRequested> {

    @Inject
    Probes probes;

    @Override
    public String kind() {
        return Probes.JOB_KIND;
    }

    @Override
    public Class<ProbeRequested> data() {
        return ProbeRequested.class;
    }

    @Override
    public void run(ProbeRequested probe, JobRun run) {
        if (probes.attempt(probe.probeId())) {
            throw new ProbeFailure(run.attempt());
        }
    }

    @Override
    public int maxAttempts() {
        return 3;
    }
}
