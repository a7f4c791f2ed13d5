package vn.childprotection.platform.notification.adapter.in.web.sinks;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.notification.domain.WebhookSignature;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The local sinks (profile {@code local-sinks} only; never in a deployment): what an agency's system, a mailbox and
 * the SMS gateway would receive, so that the agency loop can be watched on one machine.
 * <ul>
 *     <li>{@code POST /sinks/webhook/{endpoint}}: verifies the signature like an agency receiver must
 *     ({@link WebhookSignature}; 401 problem when it does not hold) and recognises resends by idempotency key;
 *     {@code GET /sinks/webhook} lists the calls;</li>
 *     <li>{@code POST /sinks/sms}: the SMS gateway stand-in (checks the API key); {@code GET /sinks/sms} lists;</li>
 *     <li>{@code GET /sinks/mailbox}: the mails the embedded SMTP server (GreenMail) received.</li>
 * </ul>
 * Each lists its most recent {@link #KEPT} entries: under a long load the sinks must not fill the service's heap
 * ({@link LocalSinksConfiguration} also empties the mailbox from time to time).
 */
@RestController
@Profile("local-sinks")
@RequestMapping(path = "/sinks", produces = MediaType.APPLICATION_JSON_VALUE)
public class LocalSinksController {

    /** Calls and mails a sink lists: the most recent ones (a sink is a viewer, and must not fill the heap). */
    public static final int KEPT = 1_000;
    /** Idempotency keys remembered to recognise a resend. */
    static final int KEYS_REMEMBERED = 100_000;

    /** The most recent {@code capacity} entries, oldest first. */
    private static final class Recent<T> {
        private final ArrayDeque<T> entries = new ArrayDeque<>();
        private final int capacity;

        Recent(int capacity) {
            this.capacity = capacity;
        }

        synchronized void add(T entry) {
            if (entries.size() == capacity) {
                entries.removeFirst();
            }
            entries.addLast(entry);
        }

        synchronized List<T> list() {
            return List.copyOf(entries);
        }
    }

    public record WebhookCall(String endpoint, String idempotencyKey, boolean resend, Instant receivedAt,
                              JsonNode body) {
    }

    public record SmsCall(String to, String reference, String text, Instant receivedAt) {
    }

    public record Mail(String messageId, List<String> to, String subject) {
    }

    private final byte[] webhookSecret;
    private final String smsApiKey;
    private final GreenMail smtp;
    private final Clock clock;
    private final Recent<WebhookCall> webhookCalls = new Recent<>(KEPT);
    private final Set<String> seenKeys = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > KEYS_REMEMBERED;
        }
    });
    private final Recent<SmsCall> smsCalls = new Recent<>(KEPT);

    @Autowired
    public LocalSinksController(@Value("${notification.sinks.webhook-secret}") String webhookSecret,
                                @Value("${notification.channels.sms.api-key}") String smsApiKey,
                                GreenMail localSmtpSink, Clock clock) {
        this(WebhookSignature.secretBytes(webhookSecret), smsApiKey, localSmtpSink, clock);
    }

    public LocalSinksController(byte[] webhookSecret, String smsApiKey, GreenMail smtp, Clock clock) {
        this.webhookSecret = webhookSecret.clone();
        this.smsApiKey = smsApiKey;
        this.smtp = smtp;
        this.clock = clock;
    }

    @PostMapping(path = "/webhook/{endpoint}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> webhook(@PathVariable("endpoint") String endpoint,
                                     @RequestHeader(name = WebhookSignature.HEADER, required = false) String signature,
                                     @RequestHeader(name = WebhookSignature.IDEMPOTENCY_KEY_HEADER, required = false)
                                     String idempotencyKey,
                                     @RequestBody byte[] body) {
        var verdict = WebhookSignature.verify(signature, body, webhookSecret, clock);
        if (verdict instanceof WebhookSignature.Verdict.Invalid invalid) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "The webhook signature is not valid: " + invalid.reason() + ".");
            problem.setTitle("Invalid signature");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        boolean resend;
        synchronized (seenKeys) {
            resend = idempotencyKey != null && !seenKeys.add(idempotencyKey);
        }
        webhookCalls.add(new WebhookCall(endpoint, idempotencyKey, resend, clock.instant(),
                EventJson.mapper().readTree(body)));
        return ResponseEntity.ok().build();
    }

    @GetMapping("/webhook")
    public List<WebhookCall> webhookCalls() {
        return webhookCalls.list();
    }

    @PostMapping(path = "/sms", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> sms(@RequestHeader(name = "X-Api-Key", required = false) String apiKey,
                                 @RequestBody JsonNode body) {
        if (!smsApiKey.equals(apiKey)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Unknown API key.");
            problem.setTitle("Unauthorized");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        smsCalls.add(new SmsCall(body.path("to").asString(), body.path("reference").asString(),
                body.path("text").asString(), clock.instant()));
        return ResponseEntity.ok().build();
    }

    @GetMapping("/sms")
    public List<SmsCall> smsCalls() {
        return smsCalls.list();
    }

    @GetMapping("/mailbox")
    public List<Mail> mailbox() throws MessagingException {
        List<Mail> mails = new ArrayList<>();
        MimeMessage[] received = smtp.getReceivedMessages();
        for (MimeMessage message : Arrays.copyOfRange(received, Math.max(0, received.length - KEPT),
                received.length)) {
            List<String> to = new ArrayList<>();
            for (var address : message.getAllRecipients()) {
                to.add(address.toString());
            }
            mails.add(new Mail(message.getMessageID(), to, message.getSubject()));
        }
        return mails;
    }
}
