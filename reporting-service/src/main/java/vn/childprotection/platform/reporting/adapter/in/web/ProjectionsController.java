package vn.childprotection.platform.reporting.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.platform.access.Actor;
import vn.childprotection.platform.reporting.application.RebuildService;
import vn.childprotection.platform.reporting.application.RebuildStatus;
import vn.childprotection.platform.support.audit.AuditIds;
import vn.childprotection.platform.support.security.AccessGuard;

import static vn.childprotection.platform.access.Operation.REBUILD_PROJECTIONS;

/** Rebuilding the projections from the beginning of the topics, with progress. */
@RestController
@RequestMapping("/api/v1/projections/rebuild")
@Tag(name = "Projections", description = "Rebuild from the beginning of the topics")
public class ProjectionsController {

    private final RebuildService rebuilds;
    private final AccessGuard guard;

    public ProjectionsController(RebuildService rebuilds, AccessGuard guard) {
        this.rebuilds = rebuilds;
        this.guard = guard;
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start a rebuild",
            description = "202 with the new rebuild; 409 problem when one is running. The current figures are "
                    + "served until the new generation is complete, then the pointer switches atomically.")
    public ResponseEntity<RebuildStatus> start(Actor actor) {
        guard.requireRole(actor, REBUILD_PROJECTIONS);
        // the record first: no rebuild starts without the record of who started it
        AccessGuard.Attempt attempt = guard.attempt(actor, REBUILD_PROJECTIONS, AuditIds.none(),
                HttpStatus.ACCEPTED.value());
        RebuildStatus started = rebuilds.start().orElseThrow(() -> {
            attempt.failed(HttpStatus.CONFLICT.value(), "a rebuild is running");
            return new ConflictException("a rebuild is running");
        });
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(started);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The latest rebuild: state, events read of total, events per second, generation")
    public RebuildStatus latest(Actor actor) {
        guard.requireRole(actor, REBUILD_PROJECTIONS);
        return rebuilds.latest().orElseThrow(() -> new NotFoundException("a rebuild"));
    }
}
