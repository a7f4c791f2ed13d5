package vn.childprotection.platform.contracts;

public enum Sex { FEMALE, MALE, OTHER, UNKNOWN }
