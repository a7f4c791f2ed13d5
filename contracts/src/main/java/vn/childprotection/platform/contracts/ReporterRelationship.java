package vn.childprotection.platform.contracts;

/** Who the informant is to the child. */
public enum ReporterRelationship {
    SELF, PARENT, RELATIVE, NEIGHBOUR, TEACHER, FRIEND, PROFESSIONAL, COMMUNITY_WORKER, OTHER, UNKNOWN
}
