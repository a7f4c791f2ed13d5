package vn.childprotection.platform.notification.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.platform.access.Actor;
import vn.childprotection.platform.access.Target;
import vn.childprotection.platform.notification.application.port.in.FindNotificationsUseCase;
import vn.childprotection.platform.notification.application.port.in.RetryNotificationUseCase;
import vn.childprotection.platform.notification.application.port.out.NotificationRepository;
import vn.childprotection.platform.notification.domain.Notification;
import vn.childprotection.platform.notification.domain.NotificationStatus;
import vn.childprotection.platform.support.audit.AuditIds;
import vn.childprotection.platform.support.security.AccessGuard;

import java.util.UUID;

import static vn.childprotection.platform.access.Operation.LIST_NOTIFICATIONS;
import static vn.childprotection.platform.access.Operation.RETRY_NOTIFICATION;

/**
 * Read API of the notifications recorded for agency focal points (S0 Art 7.2: the leader tracks what was sent), for
 * the coordinators of the cases' provinces: a list narrowed to their provinces in the store query, one notification,
 * and re-sending a failed one. Every read and every re-send is an audit record written before the answer.
 */
@RestController
@RequestMapping(path = "/api/v1/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Notifications", description = "Notifications to agency focal points of referrals issued to them")
@ApiResponse(responseCode = "400", description = "A parameter is not valid; `errors` names each one",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDetail.class)))
public class NotificationController {

    public static final int MAX_PAGE_SIZE = 100;
    static final String AGENCY_CODE = "[A-Z][A-Z0-9_]{1,39}";

    private final FindNotificationsUseCase notifications;
    private final RetryNotificationUseCase retries;
    private final AccessGuard guard;

    public NotificationController(FindNotificationsUseCase notifications, RetryNotificationUseCase retries,
                                  AccessGuard guard) {
        this.notifications = notifications;
        this.retries = retries;
        this.guard = guard;
    }

    @GetMapping
    @Operation(summary = "List notifications", description = "Filtered by case, agency and status; oldest first.")
    @ApiResponse(responseCode = "200", description = "One page of notifications")
    public NotificationPageResponse list(
            Actor actor,
            @Parameter(description = "case id (UUID)") @RequestParam(name = "caseId", required = false) UUID caseId,
            @Parameter(description = "agency code, e.g. POLICE", example = "POLICE")
            @RequestParam(name = "agency", required = false) @Pattern(regexp = AGENCY_CODE,
                    message = "must be an agency code such as POLICE") String agency,
            @Parameter(description = "delivery status") @RequestParam(name = "status", required = false)
            NotificationStatus status,
            @Parameter(description = "zero-based page number") @RequestParam(name = "page", defaultValue = "0")
            @Min(value = 0, message = "must be 0 or more") @Max(value = 100_000, message = "must be at most 100000")
            int page,
            @Parameter(description = "page size, 1 to " + MAX_PAGE_SIZE) @RequestParam(name = "size", defaultValue = "20")
            @Min(value = 1, message = "must be at least 1")
            @Max(value = MAX_PAGE_SIZE, message = "must be at most " + MAX_PAGE_SIZE) int size) {
        guard.requireRole(actor, LIST_NOTIFICATIONS);
        var query = new NotificationRepository.Query(caseId == null ? null : caseId.toString(), agency, status);
        NotificationPageResponse found = NotificationPageResponse.of(notifications.find(
                guard.scope(actor, LIST_NOTIFICATIONS), query, new NotificationRepository.PageRequest(page, size)));
        guard.allowed(actor, LIST_NOTIFICATIONS, AuditIds.ofCase(caseId == null ? null : caseId.toString()), 200);
        return found;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One notification")
    @ApiResponse(responseCode = "200", description = "The notification")
    @ApiResponse(responseCode = "404", description = "No notification has this id",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    public NotificationResponse one(Actor actor,
                                    @Parameter(description = "notification id (UUID)") @PathVariable("id") UUID id) {
        String notificationId = id.toString();
        Notification found = inScope(actor, LIST_NOTIFICATIONS, notificationId);
        guard.allowed(actor, LIST_NOTIFICATIONS, AuditIds.ofNotification(found.caseId(), notificationId), 200);
        return NotificationResponse.of(found);
    }

    /**
     * The notification if the caller may act on it; a 403 for a role that may never, and the same 404 as for a
     * notification that does not exist when it is of a province outside the caller's (both audited).
     */
    private Notification inScope(Actor actor, vn.childprotection.platform.access.Operation operation,
                                 String notificationId) {
        guard.requireRole(actor, operation);
        Notification found = notifications.byId(notificationId)
                .orElseThrow(() -> new NotificationNotFoundException(notificationId));
        guard.require(actor, operation, new Target.Province(found.province()),
                AuditIds.ofNotification(found.caseId(), notificationId),
                () -> new NotificationNotFoundException(notificationId));
        return found;
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Send a FAILED notification again",
            description = "The notification becomes PENDING and is delivered again under the same id, which the "
                    + "receiver sees as idempotency key (webhook), Message-ID (e-mail) or reference (SMS). "
                    + "A PENDING one is left as it is (202 too).")
    @ApiResponse(responseCode = "202", description = "Accepted: the notification will be delivered")
    @ApiResponse(responseCode = "404", description = "No notification has this id",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The notification was delivered, or has no recipient",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<NotificationResponse> retry(
            Actor actor,
            @Parameter(description = "notification id (UUID)") @PathVariable("id") UUID id) {
        String notificationId = id.toString();
        Notification found = inScope(actor, RETRY_NOTIFICATION, notificationId);
        // the record first: nothing is sent again without the record of who asked
        AccessGuard.Attempt attempt = guard.attempt(actor, RETRY_NOTIFICATION,
                AuditIds.ofNotification(found.caseId(), notificationId), 202);
        return switch (retries.retry(notificationId)) {
            case RetryNotificationUseCase.Requeued r -> accepted(notificationId);
            case RetryNotificationUseCase.AlreadyPending p -> accepted(notificationId);
            case RetryNotificationUseCase.Refused refused -> {
                attempt.failed(409, refused.reason());
                throw new NotificationNotRetryableException(notificationId, refused.reason());
            }
            case RetryNotificationUseCase.NotFound n -> {
                attempt.failed(404, "no such notification");
                throw new NotificationNotFoundException(notificationId);
            }
        };
    }

    private ResponseEntity<NotificationResponse> accepted(String notificationId) {
        return ResponseEntity.accepted().body(notifications.byId(notificationId)
                .map(NotificationResponse::of)
                .orElseThrow(() -> new NotificationNotFoundException(notificationId)));
    }
}
