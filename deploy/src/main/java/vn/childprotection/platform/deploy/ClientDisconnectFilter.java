package vn.childprotection.platform.deploy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

import java.io.IOException;

/**
 * Drops mongo-java-server's ERROR for a client that went away ({@code MongoExceptionHandler}: "exception for client
 * …" with a {@code Connection reset}): a service stopping or dying is not an error of the store, and the store's log
 * must show the store's own errors only. Every other event passes.
 */
public final class ClientDisconnectFilter extends Filter<ILoggingEvent> {

    static final String HANDLER = "de.bwaldvogel.mongo.wire.MongoExceptionHandler";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (!HANDLER.equals(event.getLoggerName())) {
            return FilterReply.NEUTRAL;
        }
        IThrowableProxy thrown = event.getThrowableProxy();
        return thrown instanceof ThrowableProxy proxy && proxy.getThrowable() instanceof IOException
                ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
