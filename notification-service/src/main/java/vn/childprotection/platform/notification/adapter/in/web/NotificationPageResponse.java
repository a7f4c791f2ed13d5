package vn.childprotection.platform.notification.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import vn.childprotection.platform.notification.application.port.out.NotificationRepository;

import java.util.List;

@Schema(name = "NotificationPage", description = "One page of notifications, oldest first")
public record NotificationPageResponse(List<NotificationResponse> items, int page, int size, long totalElements,
                                       int totalPages) {

    static NotificationPageResponse of(NotificationRepository.Page page) {
        return new NotificationPageResponse(page.items().stream().map(NotificationResponse::of).toList(),
                page.page(), page.size(), page.totalElements(), page.totalPages());
    }
}
