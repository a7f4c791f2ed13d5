package vn.childprotection.platform.contracts;

/** EMERGENCY: immediate danger (Decree 56/2017 Art 26.3, 12 hours); HIGH: serious harm or risk (S0 Art 5.4). */
public enum Severity { EMERGENCY, HIGH, NORMAL }
