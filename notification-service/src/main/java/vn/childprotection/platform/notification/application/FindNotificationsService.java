package vn.childprotection.platform.notification.application;

import vn.childprotection.platform.access.QueryScope;
import vn.childprotection.platform.notification.application.port.in.FindNotificationsUseCase;
import vn.childprotection.platform.notification.application.port.out.NotificationRepository;
import vn.childprotection.platform.notification.domain.Notification;

import java.util.Optional;

public final class FindNotificationsService implements FindNotificationsUseCase {

    private final NotificationRepository repository;

    public FindNotificationsService(NotificationRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<Notification> byId(String notificationId) {
        return repository.findById(notificationId);
    }

    @Override
    public NotificationRepository.Page find(QueryScope scope, NotificationRepository.Query query,
                                            NotificationRepository.PageRequest page) {
        return repository.find(scope, query, page);
    }
}
