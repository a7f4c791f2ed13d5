package vn.childprotection.platform.notification.it;

import vn.childprotection.platform.testsupport.identity.TestActor;
import vn.childprotection.platform.testsupport.identity.TestIssuer;

/** Who the scenarios' requests are made as. */
final class Callers {

    private Callers() {
    }

    /** An administrator for the operational paths (sinks, actuator, API document), else a national coordinator. */
    static String authorization(String path) {
        TestActor actor = path.startsWith("/sinks") || path.startsWith("/actuator") || path.startsWith("/v3")
                ? TestActor.ADMIN : TestActor.NATIONAL_COORDINATOR;
        return TestIssuer.shared().bearer(actor);
    }
}
