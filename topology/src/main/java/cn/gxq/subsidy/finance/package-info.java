/**
 * What finance books: the movements of each application's approved amount, what finance settled
 * against them, and the daily control totals per bucket (domain.md, "Money movements"). Plain Java
 * over Avro records, no Kafka types and no clock, like the ledger it follows.
 */
package cn.gxq.subsidy.finance;
