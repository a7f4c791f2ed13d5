package vn.childprotection.platform.referral.adapter.in.web;

/** No case has the id asked for: 404 problem. */
public final class CaseNotFoundException extends RuntimeException {

    private final String caseId;

    public CaseNotFoundException(String caseId) {
        super("no case " + caseId);
        this.caseId = caseId;
    }

    public String caseId() {
        return caseId;
    }
}
