package vn.childprotection.platform.audit.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.platform.access.Actor;
import vn.childprotection.platform.audit.application.AuditQueries;
import vn.childprotection.platform.audit.application.ChainVerification;
import vn.childprotection.platform.audit.config.AuditServiceProperties;
import vn.childprotection.platform.audit.domain.AuditCsv;
import vn.childprotection.platform.audit.domain.TrailVerification;
import vn.childprotection.platform.support.audit.AuditIds;
import vn.childprotection.platform.support.security.AccessGuard;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import static vn.childprotection.platform.access.Operation.EXPORT_AUDIT;
import static vn.childprotection.platform.access.Operation.READ_AUDIT;
import static vn.childprotection.platform.access.Operation.VERIFY_AUDIT_CHAIN;

/**
 * The audit trail, for auditors only: its records filtered and paged (READ_AUDIT), exported as CSV (EXPORT_AUDIT),
 * and every chain verified (VERIFY_AUDIT_CHAIN). Each answer is itself recorded in the trail (this service's own
 * chain) before it is given.
 */
@RestController
@RequestMapping("/api/v1/audit")
@SecurityRequirement(name = OpenApiNames.BEARER)
@Tag(name = "Audit trail", description = "Who did, or was refused, what, on which ids: every service's hash-chained "
        + "audit records")
@ApiResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "The caller is not an auditor",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "503", description = "The request could not be recorded in the audit trail, or a "
        + "verification is running; ask again after Retry-After seconds",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDetail.class)))
public class AuditController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final Logger log = LoggerFactory.getLogger(AuditController.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final AuditQueries queries;
    private final ChainVerification verification;
    private final AccessGuard guard;
    private final AuditQueryParser parser;
    private final Clock clock;

    public AuditController(AuditQueries queries, ChainVerification verification, AccessGuard guard,
                           AuditServiceProperties properties, Clock clock) {
        this.queries = queries;
        this.verification = verification;
        this.guard = guard;
        this.parser = new AuditQueryParser(properties.query().maxPageSize(), properties.query().maxOffset());
        this.clock = clock;
    }

    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(summary = "Audit records, newest first",
            description = "Filtered by the caller (actor: the token subject), producer, case, action, outcome and time "
                    + "(from included, to excluded; compared to the millisecond); paged (page from 0, size 1 to 500). "
                    + "With format=csv or Accept: text/csv, every selected record as CSV (RFC 4180, UTF-8 with a "
                    + "byte-order mark, header row; EXPORT_AUDIT), streamed, up to audit.export.max-rows.")
    @ApiResponse(responseCode = "200", description = "One page of records (JSON), or the CSV export",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = AuditPageResponse.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "400", description = "A parameter is not usable; errors names each one",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "The export selects more records than one export may hold: "
            + "narrow the period (from, to) or another filter",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<AuditPageResponse> records(@ParameterObject @ModelAttribute AuditParams params,
                                                     @RequestHeader(name = HttpHeaders.ACCEPT, required = false)
                                                     String accept,
                                                     Actor actor, HttpServletResponse response) throws IOException {
        guard.requireRole(actor, AuditQueryParser.wantsCsv(params, accept) ? EXPORT_AUDIT : READ_AUDIT);
        AuditQueryParser.Query query = parser.parse(params, accept);
        AuditIds ids = AuditIds.ofCase(query.filter().caseId());
        if (!query.csv()) {
            AuditPageResponse page = AuditPageResponse.of(queries.page(query.filter(), query.page(), query.size()));
            guard.allowed(actor, READ_AUDIT, ids, HttpStatus.OK.value());
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(page);
        }
        AuditQueries.Export export = queries.export(query.filter());
        guard.allowed(actor, EXPORT_AUDIT, ids, HttpStatus.OK.value());
        writeCsv(export, response);
        return null;
    }

    /** Row by row onto the response, as the store's cursor gives them: the export is never held whole. */
    private void writeCsv(AuditQueries.Export export, HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(TEXT_CSV.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("audit-" + FILE_TIME.format(clock.instant()) + ".csv").build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                64 * 1024);
        AuditCsv csv = AuditCsv.start(out);
        long rows;
        try {
            rows = export.writeTo(csv::row);
        } catch (RuntimeException e) {
            // the status and part of the rows are sent: the cut-off export can only be ended early
            log.warn("Audit export ended early: {}", e.getClass().getName());
            throw e;
        }
        out.flush();
        log.info("Audit export of {} records", rows);
    }

    @GetMapping(path = "/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Verify every producer's chain",
            description = "Walks each producer's chain in the store in sequence order: a record whose fields do not "
                    + "give its hash is ALTERED, a skipped sequence number MISSING (a chain whose first stored record "
                    + "is after 1 too, unless retention purged its head: then the chain continues from the last "
                    + "purged record), a sequence number going back or repeating OUT_OF_ORDER, a predecessor hash "
                    + "that is not the previous record's NOT_LINKED. A chain cannot show that its newest records "
                    + "are missing.")
    @ApiResponse(responseCode = "200", description = "The verification",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = VerificationResponse.class)))
    public VerificationResponse verification(Actor actor) {
        guard.requireRole(actor, VERIFY_AUDIT_CHAIN);
        TrailVerification result = verification.verifyAll();
        log.info("Audit trail verified: {} chains, {} records, {}", result.producers(), result.records(),
                result.firstBreak().map(b -> "first break " + b.producer() + " #" + b.sequence() + " "
                        + b.problem()).orElse("intact"));
        guard.allowed(actor, VERIFY_AUDIT_CHAIN, AuditIds.none(), HttpStatus.OK.value());
        return VerificationResponse.of(result);
    }
}
