package org.alliancelab.simulate.calibration;

/** Which studies a published figure pools. */
public enum StudySet {
    /** All published studies (a moderator level's target pools that level's studies). */
    ALL("all"),
    /** The studies that report an adjusted estimate (the synthesis's 66). */
    REPORTING("reporting");

    private final String key;

    StudySet(String key) {
        this.key = key;
    }

    /** @return the name in a targets file */
    public String key() {
        return key;
    }

    /**
     * @param key {@code all} or {@code reporting}
     * @return the set
     * @throws IllegalArgumentException for another name
     */
    public static StudySet ofKey(String key) {
        for (StudySet s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown studies '" + key + "' (known: all, reporting)");
    }
}
