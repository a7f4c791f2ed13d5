package vn.childprotection.platform.notification.config;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpMethod;
import vn.childprotection.platform.notification.adapter.in.web.sinks.LocalSinksController;
import vn.childprotection.platform.support.security.ApiRequestRules;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Profile {@code local-sinks} (local stack only): an embedded SMTP server (GreenMail) on the e-mail channel's port,
 * read by the mailbox page of {@code LocalSinksController} (same profile); {@code application-local-sinks.yml} points
 * the directory's webhook, mail and SMS recipients at the sinks. The sinks keep what they received bounded: a local
 * stack under a long load must not fill the service's heap.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local-sinks")
public class LocalSinksConfiguration {

    /**
     * The sinks stand in for outside receivers, which authenticate the platform by their own means: the webhook sink
     * checks the HMAC signature, the SMS sink the gateway's API key. What they received is listed to administrators
     * only.
     */
    @Bean
    ApiRequestRules localSinksRules() {
        return (requests, administrators) -> requests
                .requestMatchers(HttpMethod.POST, "/sinks/webhook/**", "/sinks/sms").permitAll()
                .requestMatchers("/sinks/**").access(administrators);
    }


    /** GreenMail keeps every mail in memory: beyond this many the mailbox is emptied. */
    static final int MAILBOX_LIMIT = 2 * LocalSinksController.KEPT;

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail localSmtpSink(ChannelProperties channels) {
        return new GreenMail(new ServerSetup(channels.email().port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    /** Empties the mailbox sink once it holds more than {@link #MAILBOX_LIMIT} mails (checked every 30 s). */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService mailboxSinkPurge(GreenMail localSmtpSink) {
        ScheduledExecutorService purge = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("mailbox-sink-purge").daemon().factory());
        purge.scheduleWithFixedDelay(() -> {
            try {
                if (localSmtpSink.getReceivedMessages().length > MAILBOX_LIMIT) {
                    localSmtpSink.purgeEmailFromAllMailboxes();
                }
            } catch (RuntimeException | com.icegreen.greenmail.store.FolderException e) {
                // a sink; the next round tries again
            }
        }, 30, 30, TimeUnit.SECONDS);
        return purge;
    }
}
