package vn.childprotection.platform.notification.config;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Profile {@code local-sinks} (local stack only): an embedded SMTP server (GreenMail) on the e-mail channel's port,
 * read by the mailbox page of {@code LocalSinksController} (same profile); {@code application-local-sinks.yml} points
 * the directory's webhook, mail and SMS recipients at the sinks.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local-sinks")
public class LocalSinksConfiguration {

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail localSmtpSink(ChannelProperties channels) {
        return new GreenMail(new ServerSetup(channels.email().port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }
}
