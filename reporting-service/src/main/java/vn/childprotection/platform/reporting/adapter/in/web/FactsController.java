package vn.childprotection.platform.reporting.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.platform.access.Actor;
import vn.childprotection.platform.reporting.application.StatsService;
import vn.childprotection.platform.reporting.domain.CaseFact;
import vn.childprotection.platform.support.security.AccessGuard;

import java.time.Instant;

/** One case's fact as the projection holds it (the benchmark times the projection with it). No personal data. */
@RestController
@Tag(name = "Facts", description = "The projected facts of one case")
public class FactsController {

    private final StatsService stats;

    private final AccessGuard guard;

    public FactsController(StatsService stats, AccessGuard guard) {
        this.stats = stats;
        this.guard = guard;
    }

    /**
     * @param provinceCode       the province as the case's codes name it (on the map of its day)
     * @param areaMap            the administrative map of the case's day ({@code VN-2024}, {@code VN-2025})
     * @param latestProvinceCode the province of the map in force today the case counts under
     */
    public record CaseFactResponse(String caseId, String status, Instant receivedAt, String provinceCode,
                                   String districtCode, String communeCode, String areaMap,
                                   String latestProvinceCode, String severity, int referrals, Instant lastEventAt) {
    }

    @GetMapping(path = "/api/v1/facts/cases/{caseId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The case's fact in the active generation; 404 problem when reporting does not know it")
    public CaseFactResponse caseFact(Actor actor, @PathVariable String caseId) {
        guard.requireRole(actor, vn.childprotection.platform.access.Operation.READ_OPERATIONS);
        if (caseId.length() > 100) {
            throw new NotFoundException("case " + caseId.substring(0, 20) + "…");
        }
        return stats.caseFact(caseId).map(summary -> {
            CaseFact f = summary.fact();
            return new CaseFactResponse(f.caseId(), f.status() == null ? null : f.status().name(), f.receivedAt(),
                    f.provinceCode(), f.districtCode(), f.communeCode(), f.areaMap(), f.latestProvinceCode(),
                    f.severity() == null ? null : f.severity().name(),
                    summary.referrals(), f.lastEvent() == null ? null : f.lastEvent().occurredAt());
        }).orElseThrow(() -> new NotFoundException("case " + caseId));
    }
}
