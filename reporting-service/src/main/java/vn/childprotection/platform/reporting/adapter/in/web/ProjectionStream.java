package vn.childprotection.platform.reporting.adapter.in.web;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.childprotection.platform.reporting.application.port.out.ProjectionListener;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * {@code GET /api/v1/stats/stream}: a {@code projection-changed} event (data {@code {"at", "eventsApplied"}}) at most
 * once per debounce interval after the projections changed, and a comment heartbeat so proxies keep the connection
 * open. Carries no figures and no personal data: clients re-read the views.
 *
 * <p>Bounded ({@link Limits}): at most {@code maxSubscribers} streams at once (another is refused with
 * {@link StreamFullException}: 503 with Retry-After), each closed after {@code timeout} (the browser's EventSource
 * connects again by itself). The publishing thread never writes to a connection: each subscriber has a queue of at
 * most {@code queueCapacity} events and a thread of its own that sends them, so a slow or stalled subscriber holds up
 * nobody else; one whose queue is full is closed and let go (it reconnects and re-reads the views).
 */
public class ProjectionStream implements ProjectionListener, AutoCloseable {

    /**
     * @param maxSubscribers streams open at once on one instance
     * @param timeout        how long one stream stays open
     * @param queueCapacity  events waiting for one subscriber before it is closed as too slow
     * @param debounce       the shortest interval between two {@code projection-changed} events
     * @param heartbeat      the interval of the comment heartbeat
     * @param retryAfter     what a refused subscriber is told to wait
     */
    public record Limits(int maxSubscribers, Duration timeout, int queueCapacity, Duration debounce,
                         Duration heartbeat, Duration retryAfter) {
        public Limits {
            if (maxSubscribers < 1 || queueCapacity < 1) {
                throw new IllegalArgumentException("a stream needs room for at least one subscriber and one event");
            }
        }
    }

    private final Limits limits;
    private final LongFunction<SseEmitter> emitters;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final AtomicLong eventsApplied = new AtomicLong();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-stream");
        thread.setDaemon(true);
        return thread;
    });

    public ProjectionStream(Limits limits) {
        this(limits, SseEmitter::new);
    }

    /** @param emitters makes the emitter of a new subscriber, given its timeout in milliseconds */
    ProjectionStream(Limits limits, LongFunction<SseEmitter> emitters) {
        this.limits = limits;
        this.emitters = emitters;
        scheduler.scheduleWithFixedDelay(this::flush, limits.debounce().toMillis(), limits.debounce().toMillis(),
                TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::heartbeat, limits.heartbeat().toMillis(),
                limits.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void projectionsChanged(long applied) {
        eventsApplied.accumulateAndGet(applied, Math::max);
        dirty.set(true);
    }

    /** A new stream, or {@link StreamFullException} when {@code maxSubscribers} are open. */
    public SseEmitter subscribe() {
        if (open.incrementAndGet() > limits.maxSubscribers()) {
            open.decrementAndGet();
            throw new StreamFullException(limits.retryAfter());
        }
        SseEmitter emitter = emitters.apply(limits.timeout().toMillis());
        Subscriber subscriber = new Subscriber(emitter);
        subscribers.add(subscriber);
        emitter.onCompletion(subscriber::leave);
        emitter.onError(error -> subscriber.leave());
        emitter.onTimeout(() -> {
            subscriber.leave();
            emitter.complete(); // a normal end of the stream: the browser connects again
        });
        subscriber.offer(Collections.unmodifiableSet(SseEmitter.event().comment("connected").build()));
        subscriber.start();
        return emitter;
    }

    /** Streams open now. */
    public int subscribers() {
        return open.get();
    }

    void flush() {
        if (!dirty.getAndSet(false)) {
            return;
        }
        Map<String, Object> data = Map.of("at", Instant.now().toString(), "eventsApplied", eventsApplied.get());
        publish(SseEmitter.event().name("projection-changed").data(data, MediaType.APPLICATION_JSON));
    }

    void heartbeat() {
        publish(SseEmitter.event().comment("heartbeat"));
    }

    /**
     * Hands the event to every subscriber's queue; never waits for a connection. The event is built once, here (its
     * parts in order): a builder's {@code build()} appends to the builder, so one builder sent by several senders at
     * once would be corrupted.
     */
    private void publish(SseEmitter.SseEventBuilder event) {
        Set<ResponseBodyEmitter.DataWithMediaType> built = Collections.unmodifiableSet(event.build());
        for (Subscriber subscriber : subscribers) {
            subscriber.offer(built);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        subscribers.forEach(Subscriber::end);
    }

    /** One stream: its queue, and the thread that sends what is queued to it. */
    private final class Subscriber {

        private final SseEmitter emitter;
        private final BlockingQueue<Set<ResponseBodyEmitter.DataWithMediaType>> queue;
        private final AtomicBoolean gone = new AtomicBoolean();
        private volatile boolean ended;
        private volatile Thread sender;

        Subscriber(SseEmitter emitter) {
            this.emitter = emitter;
            this.queue = new ArrayBlockingQueue<>(limits.queueCapacity());
        }

        void start() {
            Thread thread = Thread.ofVirtual().name("projection-stream-subscriber").unstarted(this::send);
            sender = thread; // before it runs: leave() can always interrupt it
            thread.start();
        }

        /** Queues the event; a subscriber whose queue is full is too slow and is let go. */
        void offer(Set<ResponseBodyEmitter.DataWithMediaType> event) {
            if (!gone.get() && !queue.offer(event)) {
                end();
            }
        }

        private void send() {
            boolean failed = false;
            try {
                while (!gone.get()) {
                    emitter.send(queue.take());
                }
            } catch (InterruptedException stopped) {
                // left the stream: nothing more to send
            } catch (IOException | RuntimeException disconnected) {
                // whatever stops the sender ends the stream: a stream left open with no sender would be silent
                failed = true;
                leave();
            }
            if (ended || failed) {
                // ended by the stream (too slow, shutting down): this thread, never the publisher, completes it
                try {
                    emitter.complete();
                } catch (IllegalStateException alreadyDone) {
                    // the container completed it meanwhile
                }
            }
        }

        /** Ends the stream: the sender stops and completes it. */
        void end() {
            ended = true;
            leave();
        }

        /** Leaves the set of subscribers (once) and stops the sender. */
        void leave() {
            if (gone.compareAndSet(false, true)) {
                subscribers.remove(this);
                open.decrementAndGet();
                Thread thread = sender;
                if (thread != null) {
                    thread.interrupt();
                }
            }
        }
    }
}
