package vn.childprotection.platform.contracts;

/** How a report reached the platform. */
public enum Channel { HOTLINE_111, LOCAL_HOTLINE, WALK_IN, AGENCY, ONLINE }
