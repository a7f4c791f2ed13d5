package vn.childprotection.platform.intake.adapter.in.web;

/** Examples of the OpenAPI document (springdoc): one per answer of {@code POST /api/v1/reports}. */
final class ApiExamples {

    private ApiExamples() {
    }

    /**
     * A Vietnamese report from Điện Biên (province 11, Phường Điện Biên Phủ 03127 on the two-level map in force since
     * 1 July 2025), as the 111 operator records it.
     */
    static final String REPORT_VI = """
            {"reportId":"3f0e9a4c-2b1d-4c8e-9f6a-7d5b1e2c3a40","receivedAt":"2026-11-20T09:15:00+07:00",\
            "channel":"HOTLINE_111","contactType":"INTERVENTION","concerns":["SEXUAL_ABUSE","VIOLENCE"],\
            "severity":"HIGH","location":{"provinceCode":"11","communeCode":"03127"},\
            "child":{"fullName":"Nguyễn Thị Hoa","sex":"FEMALE","ageYears":12},\
            "reporter":{"fullName":"Trần Văn Bình","phone":"0912345678","relationship":"NEIGHBOUR",\
            "anonymous":false,"wantsFeedback":true},\
            "narrative":"Hàng xóm nghe thấy tiếng kêu cứu của cháu bé vào ban đêm. Cháu có vết bầm trên tay."}""";

    /** An anonymous counselling contact, two-level hierarchy (province and commune, no district). */
    static final String REPORT_ANONYMOUS = """
            {"reportId":"9b2f6c1e-4d3a-4f5b-8e7c-1a2b3c4d5e6f","receivedAt":"2026-11-20T21:40:00+07:00",\
            "channel":"ONLINE","contactType":"COUNSELLING","concerns":["ONLINE_ABUSE"],"severity":"NORMAL",\
            "location":{"provinceCode":"01","communeCode":"00004"},"child":{"sex":"UNKNOWN"},\
            "reporter":{"relationship":"SELF","anonymous":true,"wantsFeedback":false},\
            "narrative":"Em bị một người lạ trên mạng đe dọa đăng ảnh."}""";

    /**
     * A report of a day after 1 July 2025 from a system that still records the old three levels: district 094
     * (Thành phố Điện Biên Phủ) and commune 03127 (Phường Him Lam, whose code Phường Điện Biên Phủ kept). Districts
     * ended with the old map: the codes are read on it and mapped, and the answer says so ({@link #ACCEPTED_MAPPED}).
     */
    static final String REPORT_WITH_DISTRICT = """
            {"reportId":"5c7d2e8f-1a3b-4c5d-9e6f-7a8b9c0d1e2f","receivedAt":"2026-11-20T10:05:00+07:00",\
            "channel":"LOCAL_HOTLINE","contactType":"INTERVENTION","concerns":["NEGLECT"],"severity":"NORMAL",\
            "location":{"provinceCode":"11","districtCode":"094","communeCode":"03127"},\
            "child":{"sex":"MALE","ageYears":6},\
            "reporter":{"relationship":"TEACHER","anonymous":false,"wantsFeedback":false},\
            "narrative":"Cháu thường xuyên đến lớp trong tình trạng đói và không được chăm sóc."}""";

    /** The answer to {@link #REPORT_VI}: placed as given on the map of its day. */
    static final String ACCEPTED = """
            {"reportId":"3f0e9a4c-2b1d-4c8e-9f6a-7d5b1e2c3a40","caseId":"6d40a740-6d05-3252-94a9-ec5951d5dc93",\
            "status":"ACCEPTED","placement":{"areaMap":"VN-2026-04","outcome":"AS_GIVEN",\
            "location":{"provinceCode":"11","communeCode":"03127"},"notes":[]}}""";

    /** The answer to {@link #REPORT_WITH_DISTRICT}: the district's codes read on the old map and mapped. */
    static final String ACCEPTED_MAPPED = """
            {"reportId":"5c7d2e8f-1a3b-4c5d-9e6f-7a8b9c0d1e2f","caseId":"5a8a17fe-5e82-3eeb-869e-18ab3d8397e7",\
            "status":"ACCEPTED","placement":{"areaMap":"VN-2026-04","outcome":"MAPPED",\
            "location":{"provinceCode":"11","communeCode":"03127"},\
            "reported":{"provinceCode":"11","districtCode":"094","communeCode":"03127"},\
            "notes":["districtCode 094 belongs to map VN-2024 (districts ended 2025-06-30): the codes were read on \
            that map"]}}""";

    static final String INVALID = """
            {"type":"urn:problem-type:cprp:invalid-report","title":"Invalid report","status":400,\
            "detail":"4 fields are not valid.","instance":"/api/v1/reports","errors":[\
            {"field":"channel","message":"must be one of HOTLINE_111, LOCAL_HOTLINE, WALK_IN, AGENCY, ONLINE"},\
            {"field":"concerns[1]","message":"repeats a concern already listed"},\
            {"field":"location.provinceCode","message":"must be a 2-digit province code"},\
            {"field":"child.ageYears","message":"must be between 0 and 17"}]}""";

    /** Codes in the right form that name no place, or places that do not fit together, on the map of the day. */
    static final String INVALID_AREA = """
            {"type":"urn:problem-type:cprp:invalid-report","title":"Invalid report","status":400,\
            "detail":"1 field is not valid.","instance":"/api/v1/reports","errors":[\
            {"field":"location.communeCode","message":"is not a commune of province 01 on map VN-2026-04"}]}""";

    static final String MALFORMED = """
            {"type":"urn:problem-type:cprp:invalid-report","title":"Invalid report","status":400,\
            "detail":"1 field is not valid.","instance":"/api/v1/reports","errors":[\
            {"field":"$","message":"the body is not well-formed JSON at line 1, column 15"}]}""";

    static final String CONFLICT = """
            {"type":"urn:problem-type:cprp:report-id-conflict","title":"Report id already used","status":409,\
            "detail":"Report 3f0e9a4c-2b1d-4c8e-9f6a-7d5b1e2c3a40 was accepted before with other content. Use a new \
            reportId for a new report; send the original unchanged to retry it.","instance":"/api/v1/reports",\
            "reportId":"3f0e9a4c-2b1d-4c8e-9f6a-7d5b1e2c3a40"}""";

    static final String TOO_LARGE = """
            {"type":"about:blank","title":"Content Too Large","status":413,\
            "detail":"A request body may be at most 65536 bytes.","instance":"/api/v1/reports"}""";

    static final String NOT_ACCEPTABLE = """
            {"type":"about:blank","title":"Not Acceptable","status":406,\
            "detail":"Acceptable representations: [application/json, application/*+json].",\
            "instance":"/api/v1/reports"}""";

    static final String UNSUPPORTED = """
            {"type":"about:blank","title":"Unsupported Media Type","status":415,\
            "detail":"Content-Type 'text/plain' is not supported.","instance":"/api/v1/reports"}""";

    static final String UNAVAILABLE = """
            {"type":"urn:problem-type:cprp:intake-unavailable","title":"Report not accepted yet","status":503,\
            "detail":"The report could not be made durable now (the broker did not confirm the report). It was not \
            accepted: keep it and send it again, unchanged, after 5 seconds.","instance":"/api/v1/reports"}""";
}
