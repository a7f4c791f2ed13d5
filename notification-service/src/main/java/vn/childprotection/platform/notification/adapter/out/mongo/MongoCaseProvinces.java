package vn.childprotection.platform.notification.adapter.out.mongo;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import vn.childprotection.platform.notification.application.port.out.CaseProvinces;

import java.util.Optional;

/** {@link CaseProvinces} on MongoDB: collection {@code case_provinces}, {@code _id} = case id (codes only). */
public final class MongoCaseProvinces implements CaseProvinces {

    public static final String COLLECTION = "case_provinces";

    @Document(collection = COLLECTION)
    public record CaseProvinceDocument(@Id String caseId, String provinceCode) {
    }

    private final MongoTemplate mongo;

    public MongoCaseProvinces(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void remember(String caseId, String provinceCode) {
        mongo.upsert(new Query(Criteria.where("_id").is(caseId)), new Update().set("provinceCode", provinceCode),
                CaseProvinceDocument.class);
    }

    @Override
    public Optional<String> provinceOf(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, CaseProvinceDocument.class))
                .map(CaseProvinceDocument::provinceCode);
    }
}
