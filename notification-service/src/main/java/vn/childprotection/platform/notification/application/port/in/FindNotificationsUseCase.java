package vn.childprotection.platform.notification.application.port.in;

import vn.childprotection.platform.access.QueryScope;
import vn.childprotection.platform.notification.application.port.out.NotificationRepository.Page;
import vn.childprotection.platform.notification.application.port.out.NotificationRepository.PageRequest;
import vn.childprotection.platform.notification.application.port.out.NotificationRepository.Query;
import vn.childprotection.platform.notification.domain.Notification;

import java.util.Optional;

/** Read side: the notifications of a case, an agency, a status. */
public interface FindNotificationsUseCase {

    Optional<Notification> byId(String notificationId);

    /** The notifications the scope reaches, narrowed in the store query. */
    Page find(QueryScope scope, Query query, PageRequest page);
}
