package vn.childprotection.platform.contracts;

/** COUNSELLING (tư vấn) is counted, never referred; INTERVENTION (kết nối can thiệp) is routed. */
public enum ContactType { INTERVENTION, COUNSELLING }
