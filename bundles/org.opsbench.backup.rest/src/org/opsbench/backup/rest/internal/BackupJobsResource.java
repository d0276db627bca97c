package org.opsbench.backup.rest.internal;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

import org.opsbench.backup.Backup;
import org.opsbench.backup.JobDefinition;
import org.opsbench.backup.RunOutcome;
import org.opsbench.backup.RunRecord;
import org.opsbench.core.Principal;
import org.opsbench.rest.ApiCaller;
import org.opsbench.rest.ApiDoc;
import org.opsbench.rest.Created;
import org.opsbench.rest.Page;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code /api/v1/backup/jobs}: backup jobs and their runs through the {@link Backup} service ({@code backup:read};
 * starting a run needs {@code backup:run}). Credentials appear only as vault aliases, never as values.
 */
@Component(service = BackupJobsResource.class, property = "osgi.jakartars.resource=true")
@Path("api/v1/backup/jobs")
@Produces("application/json")
public final class BackupJobsResource {

    /** The most runs read for one page. */
    static final int RUN_SCAN = 5000;

    /** A job definition (its credentials as vault aliases only). */
    public record JobDto(String name, String description, String source, String host, int port, String user,
            String credentialAlias, List<String> paths, String command, String target, String schedule,
            String timeZone, boolean compress, boolean encrypted, String ciId, boolean enabled) {

        static JobDto of(JobDefinition j) {
            return new JobDto(j.name(), j.description(), j.source() == null ? null : j.source().name(), j.host(),
                    j.port(), j.user(), j.credentialAlias(), j.paths(), j.command(), j.target(), j.schedule(),
                    j.timeZone(), j.compress(), j.encryptionKeyAlias() != null && !j.encryptionKeyAlias().isBlank(),
                    j.ciId(), j.enabled());
        }
    }

    /** A run of a job. */
    public record RunDto(long id, String job, String trigger, Instant started, Instant ended, String outcome,
            long bytes,
            long sourceBytes, int files, String archive, String sha256, Instant verified, boolean pruned) {

        static RunDto of(RunRecord r) {
            return new RunDto(r.id(), r.job(), r.trigger(), r.started(), r.ended(),
                    r.outcome() == null ? null : r.outcome().name(), r.bytes(), r.sourceBytes(), r.files(),
                    r.archive(), r.sha256(), r.verified(), r.pruned());
        }
    }

    /** The answer to a run-now: the new run's id, to poll at {@code /api/v1/backup/jobs/{job}/runs/{id}}. */
    public record RunStarted(long id, String job, String outcome) {
    }

    private final Backup backup;

    @Activate
    public BackupJobsResource(@Reference Backup backup) {
        this.backup = backup;
    }

    @GET
    @ApiDoc(summary = "Backup jobs by name", description = "Filters: text (in name and description), enabled.")
    public Page<JobDto> list(@QueryParam("text") String text, @QueryParam("enabled") String enabled,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit,
            @Context SecurityContext security) {
        Page.validate(offset, limit);
        Boolean on = enabled == null || enabled.isBlank() ? null : Params.bool("enabled", enabled);
        return Page.of(backup.jobs(ApiCaller.principal(security)).stream()
                .filter(j -> on == null || j.enabled() == on)
                .filter(j -> Params.contains(j.name() + " " + j.description(), text)).map(JobDto::of).toList(), offset,
                limit);
    }

    @GET
    @Path("{job}")
    @ApiDoc(summary = "One backup job")
    public JobDto get(@PathParam("job") String job, @Context SecurityContext security) {
        return JobDto.of(find(ApiCaller.principal(security), job));
    }

    @GET
    @Path("{job}/runs")
    @ApiDoc(summary = "Runs of a job, newest first", description = "Filter: outcome (RUNNING, SUCCEEDED, FAILED,"
            + " CANCELLED).")
    public Page<RunDto> runs(@PathParam("job") String job, @QueryParam("outcome") String outcome,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit,
            @Context SecurityContext security) {
        Page.validate(offset, limit);
        Principal caller = ApiCaller.principal(security);
        find(caller, job);
        RunOutcome wanted = Params.one("outcome", outcome, RunOutcome.class);
        return Page.of(backup.runs(caller, job, RUN_SCAN).stream().filter(r -> wanted == null || r.outcome() == wanted)
                .map(RunDto::of).toList(), offset, limit);
    }

    @GET
    @Path("{job}/runs/{id}")
    @ApiDoc(summary = "One run, with live figures while it runs")
    public RunDto run(@PathParam("job") String job, @PathParam("id") long id, @Context SecurityContext security) {
        return backup.run(ApiCaller.principal(security), id).filter(r -> r.job().equals(job)).map(RunDto::of)
                .orElseThrow(() -> new NoSuchElementException("no run " + id + " of job " + job));
    }

    @POST
    @Created("id")
    @Path("{job}/runs")
    @ApiDoc(summary = "Starts a run of a job now; answers its id at once (409 while the job runs already)")
    public RunStarted runNow(@PathParam("job") String job, @Context SecurityContext security) {
        Principal caller = ApiCaller.principal(security);
        find(caller, job);
        long id = backup.startRun(caller, job);
        return new RunStarted(id, job, RunOutcome.RUNNING.name());
    }

    private JobDefinition find(Principal caller, String job) {
        return backup.job(caller, job).orElseThrow(() -> new NoSuchElementException("no such backup job: " + job));
    }
}
