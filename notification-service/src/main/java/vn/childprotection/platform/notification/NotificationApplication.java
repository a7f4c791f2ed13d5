package vn.childprotection.platform.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

@SpringBootApplication
public class NotificationApplication {
    public static void main(String[] args) {
        SpringApplication.run(NotificationApplication.class, args);
    }

    public static final java.util.List<String> SEEN = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Bean
    Consumer<Message<byte[]>> onCaseEvent() {
        return m -> SEEN.add(new String(m.getPayload()));
    }
}
