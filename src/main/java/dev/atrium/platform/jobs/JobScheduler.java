package dev.atrium.platform.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.atrium.platform.time.Backoff;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the jobs: db-scheduler on the application's data source, one task per {@link JobHandler} kind and one per
 * {@link RecurringJob}. Replicas share the {@code platform.scheduled_tasks} table; each due execution is picked by
 * exactly one of them ({@code select ... for update skip locked}), and an execution whose replica stopped sending
 * heartbeats is run again elsewhere.
 *
 * <p>Its threads come from Liberty's managed thread factory, so that handlers run with the application's context
 * (CDI, transactions, the data source) as request threads do.
 */
@ApplicationScoped
public class JobScheduler {

    static final String TABLE = "platform.scheduled_tasks";
    private static final Logger LOG = Logger.getLogger(JobScheduler.class.getName());

    @Resource(lookup = "jdbc/atrium")
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @Any
    Instance<JobHandler<?>> handlers;

    @Inject
    @Any
    Instance<RecurringJob> recurringJobs;

    @Inject
    JobDispatcher dispatcher;

    @Inject
    JobBoard failedJobs;

    @Inject
    @ConfigProperty(name = "atrium.jobs.threads", defaultValue = "4")
    int executorThreads;

    @Inject
    @ConfigProperty(name = "atrium.jobs.poll-interval", defaultValue = "PT2S")
    Duration pollInterval;

    @Inject
    @ConfigProperty(name = "atrium.jobs.retry-first", defaultValue = "PT10S")
    Duration retryFirst;

    @Inject
    @ConfigProperty(name = "atrium.jobs.retry-longest", defaultValue = "PT30M")
    Duration retryLongest;

    /**
     * How often a replica tells the others it is still running its jobs; after four missed heartbeats its running jobs
     * are run again elsewhere. db-scheduler's default (5 minutes, 6 missed) left a job that a crashed replica was
     * running untouched for half an hour; a redelivered Stripe event for it waited as long.
     */
    @Inject
    @ConfigProperty(name = "atrium.jobs.heartbeat", defaultValue = "PT30S")
    Duration heartbeat;

    private final Map<String, JobHandler<?>> byKind = new HashMap<>();
    private final List<Task<?>> oneTimeTasks = new ArrayList<>();
    private SchedulerClient client;
    private volatile Scheduler scheduler;

    @PostConstruct
    void prepare() {
        Backoff backoff = new Backoff(retryFirst, retryLongest);
        for (JobHandler<?> handler : handlers) {
            if (byKind.putIfAbsent(handler.kind(), handler) != null) {
                throw new IllegalStateException("Two job handlers are of kind '" + handler.kind() + "'");
            }
            oneTimeTasks.add(task(handler, backoff));
        }
        // The client alone (no threads) serves scheduling from the first request on, before the scheduler runs.
        client = SchedulerClient.Builder.create(dataSource, oneTimeTasks)
                .serializer(new JsonSerializer())
                .tableName(TABLE)
                .build();
    }

    private OneTimeTask<JobEnvelope> task(JobHandler<?> handler, Backoff backoff) {
        return Tasks.oneTime(handler.kind(), JobEnvelope.class)
                .onFailure((complete, operations) -> failed(handler, backoff, complete, operations))
                .execute((instance, context) -> dispatcher.run(
                        handler,
                        new JobRun(
                                handler.kind(),
                                instance.getId(),
                                instance.getData().tenantId(),
                                context.getExecution().consecutiveFailures + 1,
                                context.getExecution().executionTime),
                        instance.getData().data()));
    }

    private void failed(
            JobHandler<?> handler,
            Backoff backoff,
            ExecutionComplete complete,
            ExecutionOperations<JobEnvelope> operations) {
        int attempts = complete.getExecution().consecutiveFailures + 1;
        String error = complete.getCause().map(JobScheduler::describe).orElse("failed");
        if (attempts < handler.maxAttempts()) {
            operations.reschedule(complete, complete.getTimeDone().plus(backoff.after(attempts)));
            return;
        }
        JobEnvelope envelope =
                (JobEnvelope) complete.getExecution().taskInstance.getData();
        String id = complete.getExecution().taskInstance.getId();
        LOG.severe(() -> "Job " + handler.kind() + "/" + id + " failed " + attempts + " times and is kept for an"
                + " operator: " + error);
        // Kept first, removed after: a replica that dies between the two runs the job once more, and keeping it
        // again only updates the failed entry.
        failedJobs.keep(handler.kind(), id, envelope, attempts, error);
        operations.remove();
    }

    void start(
            @Observes @Priority(Interceptor.Priority.APPLICATION + 700) @Initialized(ApplicationScoped.class)
                    Object started) {
        List<RecurringTask<Void>> recurring = new ArrayList<>();
        for (RecurringJob job : recurringJobs) {
            recurring.add(Tasks.recurring(job.name(), FixedDelay.of(job.every()))
                    .execute((instance, context) -> dispatcher.runRecurring(job)));
        }
        scheduler = Scheduler.create(dataSource, oneTimeTasks)
                .startTasks(recurring)
                .tableName(TABLE)
                .serializer(new JsonSerializer())
                .executorService(Executors.newFixedThreadPool(executorThreads, named("atrium-job-")))
                .dueExecutor(Executors.newSingleThreadExecutor(named("atrium-job-due-")))
                .housekeeperExecutor(Executors.newScheduledThreadPool(2, named("atrium-job-housekeeper-")))
                .pollingInterval(pollInterval)
                .heartbeatInterval(heartbeat)
                .missedHeartbeatsLimit(4)
                .pollUsingLockAndFetch(0.5, 1.0)
                .build();
        scheduler.start();
        LOG.info(() -> "Job scheduler started: " + byKind.keySet() + ", recurring " + recurring.size()
                + ", polling every " + pollInterval);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        Scheduler running = scheduler;
        if (running != null) {
            running.stop();
        }
    }

    private ThreadFactory named(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return work -> {
            Thread thread = threads.newThread(work);
            thread.setName(prefix + number.incrementAndGet());
            return thread;
        };
    }

    SchedulerClient client() {
        return client;
    }

    Optional<JobHandler<?>> handler(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    /**
     * Moves a recurring job's next run to now (an operator's "run now"); @return false if there is no such recurring
     * job
     */
    boolean runRecurringNow(String name) {
        com.github.kagkarlsson.scheduler.task.TaskInstanceId instance =
                com.github.kagkarlsson.scheduler.task.TaskInstanceId.of(name, RecurringTask.INSTANCE);
        if (client.getScheduledExecution(instance).isEmpty()) {
            return false;
        }
        try {
            client.reschedule(instance, java.time.Instant.now());
        } catch (com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException running) {
            throw new dev.atrium.platform.errors.ConflictException(
                    "job-running", "Job running", "Recurring job " + name + " is running right now.");
        } catch (com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException gone) {
            return false;
        }
        checkNow();
        return true;
    }

    /** Asks the running scheduler to look for due jobs now rather than at its next poll. */
    void checkNow() {
        Scheduler running = scheduler;
        if (running != null) {
            try {
                running.triggerCheckForDueExecutions();
            } catch (RuntimeException notRunning) {
                LOG.log(Level.FINE, "Scheduler not ready for an early check", notRunning);
            }
        }
    }

    static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause instanceof JobDispatcher.JobFailedException) {
            cause = cause.getCause();
        }
        return dev.atrium.platform.errors.Failures.describe(cause);
    }
}
