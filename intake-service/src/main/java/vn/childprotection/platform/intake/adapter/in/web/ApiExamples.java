package vn.childprotection.platform.intake.adapter.in.web;

/** Examples of the OpenAPI document (springdoc): one per answer of {@code POST /api/v1/reports}. */
final class ApiExamples {

    private ApiExamples() {
    }

    /** A Vietnamese report from Điện Biên (province 11, Điện Biên Phủ 094), as the 111 operator records it. */
    static final String REPORT_VI = """
            {"reportId":"3f0e9a4c-2b1d-4c8e-9f6a-7d5b1e2c3a40","receivedAt":"2026-11-20T09:15:00+07:00",\
            "channel":"HOTLINE_111","contactType":"INTERVENTION","concerns":["SEXUAL_ABUSE","VIOLENCE"],\
            "severity":"HIGH","location":{"provinceCode":"11","districtCode":"094"},\
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

    static final String ACCEPTED = """
            {"reportId":"3f0e9a4c-2b1d-4c8e-9f6a-7d5b1e2c3a40","caseId":"6d40a740-6d05-3252-94a9-ec5951d5dc93",\
            "status":"ACCEPTED"}""";

    static final String INVALID = """
            {"type":"urn:problem-type:cprp:invalid-report","title":"Invalid report","status":400,\
            "detail":"4 fields are not valid.","instance":"/api/v1/reports","errors":[\
            {"field":"channel","message":"must be one of HOTLINE_111, LOCAL_HOTLINE, WALK_IN, AGENCY, ONLINE"},\
            {"field":"concerns[1]","message":"repeats a concern already listed"},\
            {"field":"location.provinceCode","message":"must be a 2-digit province code"},\
            {"field":"child.ageYears","message":"must be between 0 and 17"}]}""";

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
            {"type":"urn:problem-type:cprp:body-too-large","title":"Report too large","status":413,\
            "detail":"A report body may be at most 65536 bytes.","instance":"/api/v1/reports"}""";

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
