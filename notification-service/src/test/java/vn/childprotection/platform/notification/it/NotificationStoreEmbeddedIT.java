package vn.childprotection.platform.notification.it;

import vn.childprotection.platform.testsupport.MongoStandIn;

/** The notification store on the in-memory MongoDB stand-in. */
class NotificationStoreEmbeddedIT extends NotificationStoreScenario {

    @Override
    String mongoUri() {
        return MongoStandIn.uri();
    }
}
