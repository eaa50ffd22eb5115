/**
 * The access log: who read which enterprise's file over HTTP, written before the answer leaves the
 * instance, and read back for auditors. Used by {@code people} (the gate writes), {@code http}
 * (auditors read) and {@code start}; uses no other room of the app.
 */
package cn.gxq.subsidy.app.audit;
