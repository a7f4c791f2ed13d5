package vn.childprotection.platform.notification.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

/**
 * {@code notification.channels}: the outbound channels' endpoints. The defaults point at loopback ports (the local
 * sinks: an SMTP server on 127.0.0.1:2525 and an SMS gateway stand-in on 127.0.0.1:8083/sinks/sms, which the
 * {@code local-sinks} profile provides), so that the local stack never reaches a real agency.
 */
@Validated
@ConfigurationProperties("notification.channels")
public record ChannelProperties(@Valid @DefaultValue Webhook webhook,
                                @Valid @DefaultValue Email email,
                                @Valid @DefaultValue Sms sms) {

    /** Webhook calls; each agency's URL and secret reference are in {@code notification.directory}. */
    public record Webhook(@NotNull @DefaultValue("2s") Duration connectTimeout,
                          @NotNull @DefaultValue("5s") Duration requestTimeout) {
    }

    /** The SMTP relay. */
    public record Email(@NotBlank @DefaultValue("127.0.0.1") String host,
                        @Min(1) @DefaultValue("2525") int port,
                        String username,
                        String password,
                        @DefaultValue("false") boolean startTls,
                        @NotBlank @DefaultValue("notifications@cprp.local") String from,
                        @NotBlank @DefaultValue("notification.cprp.local") String messageIdDomain,
                        @NotNull @DefaultValue("5s") Duration connectTimeout,
                        @NotNull @DefaultValue("10s") Duration readTimeout,
                        @Min(1) @DefaultValue("10") int ratePerSecond,
                        @NotNull @DefaultValue("5s") Duration rateWait) {
    }

    /** The SMS gateway: {@code POST url} with {@code {to, text, reference}} and the API key header. */
    public record Sms(@NotNull @DefaultValue("http://127.0.0.1:8083/sinks/sms") URI url,
                      @DefaultValue("local-sinks-key") String apiKey,
                      @NotNull @DefaultValue("5s") Duration requestTimeout,
                      @Min(1) @DefaultValue("5") int ratePerSecond,
                      @NotNull @DefaultValue("5s") Duration rateWait) {
    }
}
