package com.freshloop.profile.rfm;

/**
 * The standard RFM segment map, on the recency score R and FM = ceil((F + M) / 2), both 1..5:
 *
 * <pre>
 *            FM=1            FM=2          FM=3            FM=4        FM=5
 * R=5   New               Potential loyalist ------------  Champions --------
 * R=4   Promising         Potential loyalist ------------  Loyal ------------
 * R=3   About to sleep ----------------    Need attention  Loyal ------------
 * R=2   Hibernating ------------------     At risk ------------------  Can't lose
 * R=1   Lost              Hibernating      At risk ------------------  Can't lose
 * </pre>
 */
public enum Segment {
    CHAMPIONS("Champions"),
    LOYAL("Loyal"),
    POTENTIAL_LOYALIST("Potential loyalist"),
    NEW("New"),
    PROMISING("Promising"),
    NEED_ATTENTION("Need attention"),
    ABOUT_TO_SLEEP("About to sleep"),
    AT_RISK("At risk"),
    CANT_LOSE("Can't lose"),
    HIBERNATING("Hibernating"),
    LOST("Lost");

    private final String label;

    Segment(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Segment of(int r, int f, int m) {
        check(r);
        check(f);
        check(m);
        int fm = (f + m + 1) / 2;
        return switch (r) {
            case 5 -> fm == 1 ? NEW : fm <= 3 ? POTENTIAL_LOYALIST : CHAMPIONS;
            case 4 -> fm == 1 ? PROMISING : fm <= 3 ? POTENTIAL_LOYALIST : LOYAL;
            case 3 -> fm <= 2 ? ABOUT_TO_SLEEP : fm == 3 ? NEED_ATTENTION : LOYAL;
            case 2 -> fm <= 2 ? HIBERNATING : fm <= 4 ? AT_RISK : CANT_LOSE;
            default -> fm == 1 ? LOST : fm == 2 ? HIBERNATING : fm <= 4 ? AT_RISK : CANT_LOSE;
        };
    }

    public static Segment fromLabel(String label) {
        for (Segment s : values()) {
            if (s.label.equalsIgnoreCase(label) || s.name().equalsIgnoreCase(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown segment " + label);
    }

    private static void check(int score) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("RFM scores are 1..5, got " + score);
        }
    }
}
