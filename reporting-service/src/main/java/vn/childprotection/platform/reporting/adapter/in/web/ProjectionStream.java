package vn.childprotection.platform.reporting.adapter.in.web;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.childprotection.platform.reporting.application.port.out.ProjectionListener;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /api/v1/stats/stream}: a {@code projection-changed} event (data {@code {"at", "eventsApplied"}}) at most
 * once per debounce interval after the projections changed, and a comment heartbeat every 15 s so proxies keep the
 * connection open. Carries no figures and no personal data: clients re-read the views.
 */
public class ProjectionStream implements ProjectionListener, AutoCloseable {

    private final CopyOnWriteArrayList<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final AtomicLong eventsApplied = new AtomicLong();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-stream");
        thread.setDaemon(true);
        return thread;
    });

    public ProjectionStream(Duration debounce, Duration heartbeat) {
        scheduler.scheduleWithFixedDelay(this::flush, debounce.toMillis(), debounce.toMillis(),
                TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void projectionsChanged(long applied) {
        eventsApplied.accumulateAndGet(applied, Math::max);
        dirty.set(true);
    }

    public SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(0L);
        emitters.add(emitter);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(error -> emitters.remove(emitter));
        try {
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException gone) {
            emitters.remove(emitter);
        }
        return emitter;
    }

    private void flush() {
        if (!dirty.getAndSet(false)) {
            return;
        }
        Map<String, Object> data = Map.of("at", Instant.now().toString(), "eventsApplied", eventsApplied.get());
        send(SseEmitter.event().name("projection-changed").data(data, MediaType.APPLICATION_JSON));
    }

    private void heartbeat() {
        send(SseEmitter.event().comment("heartbeat"));
    }

    private void send(SseEmitter.SseEventBuilder event) {
        for (SseEmitter emitter : emitters) {
            try {
                emitter.send(event);
            } catch (IOException | IllegalStateException gone) {
                emitters.remove(emitter);
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        emitters.forEach(SseEmitter::complete);
    }
}
