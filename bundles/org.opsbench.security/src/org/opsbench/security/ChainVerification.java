package org.opsbench.security;

/**
 * The outcome of verifying the audit trail's hash chain.
 *
 * @param intact
 *            whether every record is present and unchanged
 * @param checked
 *            how many records were checked
 * @param firstBadSequence
 *            the sequence where the chain first breaks, or 0 when intact
 * @param problem
 *            what is wrong there (changed record, missing record, ...), empty when intact
 */
public record ChainVerification(boolean intact, long checked, long firstBadSequence, String problem) {
}
