package vn.childprotection.platform.audit.adapter.out.mongo;

import org.bson.Document;
import vn.childprotection.platform.access.audit.AuditRecord;

/** The stored documents' codec, for the integration scenarios that read or forge a stored record. */
public final class AuditDocumentsAccess {

    private AuditDocumentsAccess() {
    }

    public static AuditRecord record(Document doc) {
        return AuditDocuments.record(doc);
    }
}
