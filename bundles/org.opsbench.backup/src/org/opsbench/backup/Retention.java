package org.opsbench.backup;

/**
 * Which good archives of a job are kept: the newest {@code keepLast}, and grandfather–father–son: the newest archive of
 * each of the last {@code daily} days, {@code weekly} ISO weeks, {@code monthly} months and {@code yearly} years that
 * have one (in the job's time zone). An archive kept by any rule is kept. All zero keeps everything. The newest good
 * archive is always kept.
 *
 * @param keepLast
 *            newest archives kept, 0 or more
 * @param daily
 *            days
 * @param weekly
 *            weeks
 * @param monthly
 *            months
 * @param yearly
 *            years
 */
public record Retention(int keepLast, int daily, int weekly, int monthly, int yearly) {

    /** Keep everything. */
    public static final Retention KEEP_ALL = new Retention(0, 0, 0, 0, 0);

    /** Validates the counts; the message names the field. */
    public Retention {
        check("retention.keepLast", keepLast);
        check("retention.daily", daily);
        check("retention.weekly", weekly);
        check("retention.monthly", monthly);
        check("retention.yearly", yearly);
    }

    /** Whether nothing is ever pruned. */
    public boolean keepsAll() {
        return keepLast == 0 && daily == 0 && weekly == 0 && monthly == 0 && yearly == 0;
    }

    private static void check(String field, int value) {
        if (value < 0 || value > 100_000) {
            throw new InvalidDefinitionException(field, "must be from 0 to 100000, was " + value);
        }
    }
}
