package cn.gxq.subsidy.ledger;

import java.math.BigDecimal;

/** One waiting application in a bucket's line: its ticket, who it is and what it needs. */
public record LineEntry(long ticket, String applicationId, BigDecimal amount) {}
