package vn.childprotection.platform.contracts;

/**
 * Where the child is, as official administrative unit codes (General Statistics Office). District is absent
 * in the two-level hierarchy in force from 1 July 2025.
 */
public record Location(String provinceCode, String districtCode, String communeCode) {

    /** The most local code known: commune, else district, else province. */
    public String mostLocalCode() {
        if (communeCode != null && !communeCode.isBlank()) return communeCode;
        if (districtCode != null && !districtCode.isBlank()) return districtCode;
        return provinceCode;
    }
}
