package vn.childprotection.platform.deploy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The store's log holds the store's own errors, never a client's data: an error answered to a client (a duplicate
 * key, a bad query) is logged without the command's documents, and not as an ERROR of the store.
 */
class StoreLogIT {

    private static final String PERSONAL = "Nguyễn Thị Hoa 0912345678";

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void capture() {
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
    }

    @Test
    void errorsAnsweredToClientsLeaveNoDocumentAndNoErrorInTheStoresLog() {
        try (LocalMongoStore store = new LocalMongoStore(new LocalMongoStore.Settings("127.0.0.1", 0, null)).start();
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> contacts = client.getDatabase("notification").getCollection("contacts");
            contacts.insertOne(new Document("_id", "case-1").append("phone", PERSONAL));
            assertThatThrownBy(() -> contacts.insertOne(new Document("_id", "case-1").append("phone", PERSONAL)))
                    .isInstanceOf(MongoWriteException.class);
            assertThatThrownBy(() -> contacts.find(new Document("phone", new Document("$unknownOperator", PERSONAL)))
                    .first()).isInstanceOf(com.mongodb.MongoException.class);
        }
        assertThat(captured.list).as("events quoting the client's data")
                .noneMatch(event -> event.getFormattedMessage().contains(PERSONAL)
                        || event.getThrowableProxy() != null && event.getThrowableProxy().getMessage() != null
                        && event.getThrowableProxy().getMessage().contains(PERSONAL));
        assertThat(captured.list).as("errors of the store")
                .noneMatch(event -> event.getLevel() == ch.qos.logback.classic.Level.ERROR);
    }
}
