package vn.childprotection.platform.reporting.adapter.in.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The live stream's bounds: a cap on subscribers, a time-out on each stream, and a slow or stalled subscriber that
 * neither holds up the publisher nor the other subscribers, and is let go once it is {@code queueCapacity} behind.
 */
class ProjectionStreamTest {

    /** Long debounce and heartbeat: the test publishes itself. */
    private static final Duration NEVER = Duration.ofHours(1);

    private final List<TestEmitter> made = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stallNext = new AtomicBoolean();
    private ProjectionStream stream;

    @AfterEach
    void close() {
        made.forEach(TestEmitter::release);
        if (stream != null) {
            stream.close();
        }
    }

    @Test
    @Timeout(60) // a publisher that waits on a stalled connection would hang here
    void a_stalled_subscriber_holds_up_neither_the_publisher_nor_the_others_and_is_let_go() {
        stream = stream(10, 4);
        stallNext.set(true);
        stream.subscribe();
        TestEmitter stalled = made.get(0);
        stream.subscribe();
        TestEmitter healthy = made.get(1);
        await().until(() -> stalled.sending.getCount() == 0); // stuck in its first send

        for (int i = 1; i <= 20; i++) {
            stream.heartbeat(); // returns at once, whatever the stalled connection does
            int heartbeats = i;
            await().until(() -> healthy.sent.get() == 1 + heartbeats); // "connected", then each heartbeat
        }

        await().until(() -> stream.subscribers() == 1);
        await().until(() -> stalled.completed.get());
        assertThat(healthy.completed).isFalse();
    }

    @Test
    void over_the_cap_a_subscriber_is_refused_until_a_place_is_free() {
        stream = stream(2, 4);
        stream.subscribe();
        stream.subscribe();

        assertThatThrownBy(stream::subscribe).isInstanceOfSatisfying(StreamFullException.class,
                full -> assertThat(full.retryAfter()).isEqualTo(Duration.ofSeconds(7)));

        made.get(0).completion.run(); // the browser went away
        stream.subscribe();
        assertThat(stream.subscribers()).isEqualTo(2);
    }

    @Test
    void every_stream_has_the_configured_time_out_and_ends_normally_when_it_runs_out() {
        stream = stream(2, 4);
        stream.subscribe();
        TestEmitter emitter = made.get(0);

        assertThat(emitter.getTimeout()).isEqualTo(Duration.ofMinutes(3).toMillis());
        emitter.timeout.run();
        assertThat(emitter.completed).isTrue();
        assertThat(stream.subscribers()).isZero();
    }

    private ProjectionStream stream(int maxSubscribers, int queueCapacity) {
        return new ProjectionStream(new ProjectionStream.Limits(maxSubscribers, Duration.ofMinutes(3), queueCapacity,
                NEVER, NEVER, Duration.ofSeconds(7)), timeout -> {
            TestEmitter emitter = new TestEmitter(timeout, stallNext.getAndSet(false));
            made.add(emitter);
            return emitter;
        });
    }

    /** An emitter without a connection: it counts what it is sent, or stalls in its first send like a dead peer. */
    private static final class TestEmitter extends SseEmitter {

        final AtomicInteger sent = new AtomicInteger();
        final AtomicBoolean completed = new AtomicBoolean();
        final CountDownLatch sending = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private final boolean stalls;
        Runnable completion = () -> { };
        Runnable timeout = () -> { };

        TestEmitter(long timeout, boolean stalls) {
            super(timeout);
            this.stalls = stalls;
        }

        @Override
        public void send(java.util.Set<DataWithMediaType> event) throws IOException {
            sending.countDown();
            if (stalls) {
                try {
                    released.await(); // a peer that reads nothing: the write never returns
                } catch (InterruptedException e) {
                    throw new IOException("write interrupted", e);
                }
            }
            sent.incrementAndGet();
        }

        @Override
        public void complete() {
            completed.set(true);
        }

        @Override
        public void onCompletion(Runnable callback) {
            completion = callback;
        }

        @Override
        public void onTimeout(Runnable callback) {
            timeout = callback;
        }

        void release() {
            released.countDown();
        }
    }
}
