package vn.childprotection.platform.notification.adapter.in.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.childprotection.platform.access.QueryScope;
import vn.childprotection.platform.access.audit.AuditRecord;
import vn.childprotection.platform.contracts.NotificationKind;
import vn.childprotection.platform.notification.application.port.in.FindNotificationsUseCase;
import vn.childprotection.platform.notification.application.port.in.RetryNotificationUseCase;
import vn.childprotection.platform.notification.application.port.out.NotificationRepository;
import vn.childprotection.platform.notification.domain.DeliveryChannel;
import vn.childprotection.platform.notification.domain.Notification;
import vn.childprotection.platform.notification.domain.NotificationStatus;
import vn.childprotection.platform.support.audit.AuditTrail;
import vn.childprotection.platform.support.security.ApiSecurityConfiguration;
import vn.childprotection.platform.testsupport.identity.TestActor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The notification endpoints' access decisions in a web slice, with spring-security-test's JWT support: 401 without a
 * token, 403 for a role that may never, 404 for a notification of another province (the answer of one that does not
 * exist), 200 in scope, and the list asked of the store with the coordinator's provinces.
 */
@WebMvcTest(controllers = NotificationController.class)
@Import(ApiSecurityConfiguration.class)
class NotificationAccessSliceTest {

    private static final Instant NOW = Instant.parse("2026-11-20T02:20:00Z");
    private static final String ID = UUID.randomUUID().toString();
    private static final Notification DIEN_BIEN = new Notification(ID, UUID.randomUUID().toString(),
            UUID.randomUUID().toString(), NotificationKind.REFERRAL_ISSUED, "POLICE", "094", DeliveryChannel.RECORDED,
            "focal-point@police.local", NotificationStatus.FAILED, 3, "HTTP 503", NOW, NOW, "event-1")
            .inProvince("11");

    /** The slice brings Spring MVC; the service's own filter chain needs web security switched on beside it. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class WebSecurity {
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    FindNotificationsUseCase notifications;
    @MockitoBean
    RetryNotificationUseCase retries;
    @MockitoBean
    AuditTrail audit;
    @MockitoBean
    JwtDecoder decoder;

    @Test
    void without_a_token_the_answer_is_401_and_an_officer_or_analyst_gets_403() throws Exception {
        mvc.perform(get("/api/v1/notifications/" + ID)).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/notifications").with(TestActor.POLICE_11.bearer())).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/notifications/" + ID).with(TestActor.ANALYST_11.bearer()))
                .andExpect(status().isForbidden());
        verify(notifications, never()).byId(any());
        verify(notifications, never()).find(any(), any(), any());
    }

    @Test
    void another_provinces_coordinator_gets_404_and_cannot_resend_while_its_own_reads_and_resends() throws Exception {
        when(notifications.byId(ID)).thenReturn(Optional.of(DIEN_BIEN));
        when(retries.retry(ID)).thenReturn(new RetryNotificationUseCase.Requeued(ID));

        mvc.perform(get("/api/v1/notifications/" + ID).with(TestActor.COORDINATOR_01.bearer()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/notifications/" + ID + "/retry").with(TestActor.COORDINATOR_01.bearer()))
                .andExpect(status().isNotFound());
        verify(retries, never()).retry(any());

        mvc.perform(get("/api/v1/notifications/" + ID).with(TestActor.COORDINATOR_11.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notificationId").value(ID));
        mvc.perform(post("/api/v1/notifications/" + ID + "/retry").with(TestActor.COORDINATOR_11.bearer()))
                .andExpect(status().isAccepted());
        verify(audit, times(2)).record(argThat(record -> record.outcome() == AuditRecord.Outcome.REFUSED
                && record.status() == 404 && ID.equals(record.notificationId())));
        verify(audit).record(argThat(record -> record.outcome() == AuditRecord.Outcome.ALLOWED
                && "RETRY_NOTIFICATION".equals(record.action())));
    }

    @Test
    void the_list_is_asked_of_the_store_with_the_coordinators_provinces() throws Exception {
        when(notifications.find(any(), any(), any())).thenReturn(
                new NotificationRepository.Page(List.of(DIEN_BIEN), 0, 20, 1));

        mvc.perform(get("/api/v1/notifications").with(TestActor.COORDINATOR_11.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(1));

        verify(notifications).find(eq(new QueryScope.Provinces(Set.of("11"))), any(), any());
    }
}
