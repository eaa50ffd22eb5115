package cn.gxq.subsidy.ledger;

import java.math.BigDecimal;

/** Who waits in a bucket's line ahead of a ticket: how many, and how much they need together. */
public record Waiting(long count, BigDecimal amount) {}
